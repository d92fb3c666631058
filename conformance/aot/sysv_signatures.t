-- The System V signatures of Terra functions, as clang writes them for the
-- same C types: an integer alone in its eightbyte is passed at its own
-- width, a pointer as a pointer, a small aggregate after the integer
-- registers run out as an integer of its size, a lone 16-byte vector in one
-- register, and a hidden result pointer with the result's alignment.
struct CharDouble { c : int8, d : double }
struct DoubleShort { d : double, s : int16 }
struct PtrInt { p : &int, n : int }
struct Three { a : int8, b : int8, c : int8 }
struct Vec { v : vector(float, 4) }
struct Big { a : int64, b : int64, c : int64 }

terra f1(x : CharDouble) : DoubleShort return DoubleShort { x.d, x.c } end
terra f2(x : PtrInt) : PtrInt return x end
terra f3(a : int, b : int, c : int, d : int, e : int, f : int, t : Three) : int8 return t.a end
terra f4(v : Vec) : Vec return v end
terra f5(x : int) : Big return Big { x, x, x } end

local ir = terralib.saveobj(nil, "llvmir", {f1 = f1, f2 = f2, f3 = f3, f4 = f4, f5 = f5}, nil, nil, 0)
for line in ir:gmatch("[^\n]+") do
  if line:match("^define") then print((line:gsub(" {$", ""))) end
end
