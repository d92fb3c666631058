-- jit1000expr: like jit1000.t, but each function is one expression with no
-- loop, the smallest a function gets: what is left is the fixed cost of
-- compiling one module per first call.
local N = 1000
local fns = {}
for i = 1, N do
  fns[i] = terra(x : int, y : double) : double
    return x * [i] + y
  end
end
local t0 = os.clock()
local sum = 0
for i = 1, N do sum = sum + fns[i](3, 1.0) end
local t1 = os.clock()
print(string.format("time %.6f", t1 - t0))
print(string.format("sum %.6f", sum))
