local two = macro(function() return {`1, `2} end)
terra add(a : int, b : int) return a + b end
terra f() return add(two()) end
print(f())
