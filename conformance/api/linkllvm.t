-- linkllvmstring and linkllvm add LLVM modules (IR text or bitcode) to the
-- JIT; :extern gives Terra functions for what they define.
local lib = terralib.linkllvmstring [[
define i32 @triple_it(i32 %x) {
  %r = mul i32 %x, 3
  ret i32 %r
}
]]
local triple = lib:extern("triple_it", {int} -> int)
print(triple(14))
terra usetriple(a : int) return triple(a) + 1 end
print(usetriple(2))

terra sub(a : int, b : int) return a - b end
local bc = terralib.saveobj(nil, "bitcode", { sub_saved = sub })
print(bc:sub(1, 4) == "BC\xc0\xde")
local sub2 = terralib.linkllvmstring(bc):extern("sub_saved", {int, int} -> int)
print(sub2(10, 3))

terralib.saveobj("linkllvm_tmp.bc", "bitcode", { mul_saved = terra(a : int, b : int) return a * b end })
local mul = terralib.linkllvm("linkllvm_tmp.bc"):extern("mul_saved", {int, int} -> int)
os.remove("linkllvm_tmp.bc")
print(mul(6, 7))
