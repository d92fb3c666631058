-- A declaration and the definition right after it (one group of
-- statements) make one function; the definition may leave out the
-- result type the declaration gives.
terra twice :: {int} -> int
terra twice(x : int) return x * 2 end
terra use() return twice(21) end
print(use(), twice:gettype())
