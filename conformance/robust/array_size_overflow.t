-- Array sizes that overflow are errors where the type is built (element
-- size known) or, for a struct element completed later, where it is used;
-- they never wrap around to a small size.
local function fails(f, want)
  local ok, msg = pcall(f)
  assert(not ok and string.find(msg, want, 1, true), tostring(msg))
end
fails(function() return int[2^40][2^40] end, "array type int32[1099511627776][1099511627776] is too large")
fails(function() return int[-3] end, "array size must be non-negative but found -3")
fails(function() return int[2.5] end, "array size must be an integer but found 2.5")
fails(function() return int8[2^70] end, "is too large")
fails(function() return terralib.sizeof(int[2^40][2^40]) end, "is too large")
struct Wide { a : int8[2^60]; b : int8[2^60]; c : int8[2^60] }
terra g() var w : Wide; return 1 end
fails(g, "type Wide is too large")
print(terralib.sizeof(int[2^20][2^10]))
struct S { a : int }
local T = S[2^60]
terra f() var x : T; return 1 end
f()
