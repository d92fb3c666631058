-- Compiling code that reaches a constant naming a function that was
-- declared but never defined is an error.
terra missing :: {int} -> int
local tbl = constant(`arrayof([{int} -> int], missing))
terra use(i : int) return tbl[i](i) end
print(use(0))
