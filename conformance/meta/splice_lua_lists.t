-- A Lua list named in Terra code (not only through an escape) splices
-- as its values: into results, arguments and constructors; an empty
-- list adds nothing; a list of statement quotes splices its statements.
local two = { `10, `20 }
local none = {}
local pair = macro(function() return { `1, `2 } end)
local withmacro = { `7, `pair() }

terra sum3(a : int, b : int, c : int) return a + b + c end

terra results() return two end
terra args() return sum3(5, two) end
terra empty() return 1, none end
terra ctor() var t = { 3, two } return t._0 + t._1 + t._2 end
terra viamacro() return withmacro end
local rr = results()
print(rr._0, rr._1)
print(args())
print(empty())
print(ctor())
local r = viamacro()
print(r._0, r._1, r._2)

-- a list used with a field selection is a tuple
terra first() return two._1 end
print(first())

local counter = global(int, 0)
local bump = quote counter = counter + 1 end
local bumps = { bump, bump, bump }
terra stmts() bumps; return counter end
print(stmts())
