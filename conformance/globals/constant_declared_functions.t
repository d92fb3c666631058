-- A constant table may name functions that are only declared; they must
-- be defined by the time code using the table is compiled.
terra later :: {int} -> int
local tbl = constant(`arrayof([{int} -> int], later, later))
local single = global({int} -> int, later)
terra use(i : int) return tbl[i](i + 1) + single(100) end
terra later(x : int) : int return x * 10 end
print(use(0), use(1))
