terra double_it(x : int) return x * 2 end
terra triple_it(x : int) return x * 3 end
local fp = global({int} -> int, double_it)
terra call(x : int) return fp(x) end
print(call(5))
terra swap() fp = triple_it end
swap()
print(call(5))
