local vals = terralib.newlist { 1, 2, 3 }:map(function(x) return `x * 100 end)
terra add3(a : int, b : int, c : int) return a + b + c end
terra f() return add3([vals]) end
print(f())
