-- Lua -> Terra -> Lua -> Terra ... recursion through callbacks.
local down
terra bounce(f : {int} -> int, n : int) : int
  if n == 0 then return 0 end
  return 1 + f(n - 1)
end
local cb
cb = terralib.cast({int} -> int, function(n) return bounce(cb, n) end)
print(bounce(cb, 50))
