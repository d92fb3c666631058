-- jit1000: 1,000 small generated functions, each compiled on its first call
-- from Lua. Generation (specialization) is outside the timed part; the
-- timed part is typechecking, lowering, optimizing and JIT-compiling each
-- function plus its Lua-call wrapper, and the call itself.
local N = 1000
local fns = {}
for i = 1, N do
  fns[i] = terra(x : int, y : double) : double
    var s = y
    for k = 0, x do s = s * 0.5 + [i] end
    return s + [i * 3]
  end
end
local t0 = os.clock()
local sum = 0
for i = 1, N do sum = sum + fns[i](3, 1.0) end
local t1 = os.clock()
print(string.format("time %.6f", t1 - t0))
print(string.format("sum %.6f", sum))
