-- s.[e] selects a field named by a Lua expression
struct P { x : int; y : int }
local names = {"x", "y"}
terra f() : int
  var p = P { 3, 4 }
  p.[names[2]] = p.[names[2]] * 10
  return p.[names[1]] + p.[names[2]]
end
print(f())
