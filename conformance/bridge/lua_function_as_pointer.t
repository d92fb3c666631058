-- A Lua function passed for a function-pointer parameter becomes a callback.
terra apply(f : {int} -> int, x : int) : int return f(x) + f(x + 1) end
print(apply(function(x) return x * 10 end, 1))
