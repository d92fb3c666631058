-- terra f :: type declares a function whose body comes later.
terra f :: {int} -> int
print(f:gettype())
terra g(x : int) : int return f(x) + 1 end
terra f(x : int) : int return x * 2 end
print(g(20), f(4))
