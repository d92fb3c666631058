-- A Terra function passed for a function-pointer parameter.
terra sq(x : int) : int return x * x end
terra apply(f : {int} -> int, x : int) : int return f(x) end
print(apply(sq, 7), apply(sq:getpointer(), 3))
