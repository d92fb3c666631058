local calls = 0
local mk = terralib.memoize(function(T) calls = calls + 1; return T end)
print(mk(int) == mk(int), mk(int) == mk(double), calls)
