-- A language that embeds Lua expressions in its own syntax.
import "lib.query"

local function show(t) return "{" .. table.concat(t, ", ") .. "}" end

local xs = { 1, 2, 3, 4, 5, 6 }
print(show(from x in xs select x * x))
print(show(from x in xs where x % 2 == 0 select x * 10))
local limit = 3
print(from x in xs where x > limit count)

-- Clauses are full Lua expressions: calls, tables, nested queries and
-- Terra functions called from Lua.
terra cube(v : int) : int return v * v * v end
print(show(from v in { 1, 2, 3 } select cube(v)))
local words = { "terra", "lua", "go" }
print(show(from w in words where #w > 2 select string.upper(w)))
local grid = from r in { 1, 2 } select show(from c in { 1, 2, 3 } select r * c)
print(show(grid))

-- The loop variable does not leak into the enclosing scope.
print(x, v)
