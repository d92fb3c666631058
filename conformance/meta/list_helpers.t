-- terralib.newlist helpers: selectors and operator strings, extra
-- arguments passed after the element, the indexed forms, and the values
-- each helper returns.
local List = require "terralist"
print(List == terralib.List, terralib.islist(List {}), List:isclassof(terralib.newlist()))

local a = terralib.newlist { 5, 3, 8 }
print(a:map("-"), a:map("+", 1), a:mapi(function(i, x, k) return i * k + x end, 10))
print(a:filter(">", 4), a:filteri(function(i) return i ~= 2 end))
print(a:fold(0, "+"), a:foldi("", function(i, acc, x) return acc .. i .. ":" .. x .. " " end))
print(a:reduce("*"), a:reducei(function(i, acc, x) return acc + i * x end))
print(List {}:reduceor("empty", "+"), List { 7 }:reduceor("empty", "+"))
local ok, err = pcall(function() return List {}:reduce("+") end)
print(ok, err:match("reduce requires non%-empty list") ~= nil)
print(a:find(function(x) return x > 4 end), a:findi(function(i) return i == 3 end), a:find("not"))
print(a:exists("<", 4), a:all(">", 2), a:alli(function(i, x) return x > i end))
print(a:flatmap(function(x) return { x, -x } end), a:rev(), a:sub(-2), a:sub(2, -2))

-- A selector reads a field, or calls a method with the element as self
-- and any extra arguments after it.
local Account = {}
Account.__index = Account
function Account:total(bonus) return self.balance + (bonus or 0) end
local function account(n, b) return setmetatable({ name = n, balance = b }, Account) end
local accts = List { account("ann", 10), account("bob", 25) }
print(accts:map("name"), accts:map("total"), accts:map("total", 100))

-- partition: key, value pairs grouped by key.
local parts = List { 1, 2, 3, 4, 5, 6 }:partition(function(x) return x % 3, x * 10 end)
print(parts[0], parts[1], parts[2])
local byindex = List { "a", "b", "c" }:partitioni(function(i, s) return i % 2 == 0, s:upper() end)
print(byindex[true], byindex[false])

-- Table library functions are methods.
local t = List { "pear", "fig", "apple" }
t:sort()
t:insert("kiwi")
t:insert(1, "lime")
print(t, t:concat("+"))
print(t:remove(), t)
local u = List { 1 }
print(u:insertall { 2, 3 }, u)
print(tostring(List {}), tostring(List { List { 1 }, "x" }))
