-- An inline assembly error found while compiling is reported at the
-- call, not printed by LLVM before it exits the process.
terra inc(a : int) return terralib.asm(bool, "addl $$1, $0", "=r,0", false, a) end
local ok, err = pcall(inc, 41)
print(ok, err:match("invalid operand for instruction") ~= nil)
print(inc(41))
