-- In a Terra constructor a field that starts with an escape is a whole
-- expression ([f](x) + 1 is positional); only a bare escape followed by
-- '=' names a field.
local two = `2
local double = terra(x : int) return x * 2 end
local key = "total"
terra f()
  var t = { [two] + 1, [double](5), [two] * [two] }
  var n = { [key] = 7, other = 1 }
  return t._0, t._1, t._2, n.total + n.other
end
local r = f()
print(r._0, r._1, r._2, r._3)
local ok, err = terralib.loadstring("terra g() var a = { [double](1) = 3 } end", "src")
print(ok, err)
