-- A Terra function of another type does not convert to a function pointer.
terra g(x : double) : double return x end
terra apply(f : {int} -> int) : int return f(1) end
apply(g)
