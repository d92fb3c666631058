-- A definition whose parameters differ from the declaration is an error
-- where it is written, even when the function is never used.
terra f :: {int} -> int
print("declared")
terra f(x : int, y : int) return x end
print("not reached")
