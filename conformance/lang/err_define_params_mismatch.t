-- A definition must take the parameters its declaration promised, even
-- when it leaves the result type to inference.
terra scale :: {int, int} -> int
terra scale(x : int) return x * 2 end
print(scale(3, 4))
