-- A statement-level language that declares Terra functions, global and
-- local, with expression and statement bodies.
import "lib.funclang"

local C = terralib.includec("stdio.h")

func add(a : int, b : int) : int = a + b
local func hyp2(x : double, y : double) : double = x * x + y * y

local N = 10
func sumto(n : int) : int do
  var s = 0
  for i = 1, n + 1 do s = s + i end
  return s + N - N
end

-- Bodies call other Terra functions and C.
local func twice(v : int) : int do
  C.printf("twice(%d)\n", v)
  return add(v, v)
end

print(add(2, 3), hyp2(3, 4), sumto(100))
print(twice(21))
print(add:gettype())

-- Names can be fields of tables.
local M = {}
func M.inc(x : int) : int = x + 1
print(M.inc(41))
