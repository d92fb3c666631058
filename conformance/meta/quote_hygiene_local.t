local function inc(v) return quote var tmp = 100; v = v + tmp end end
terra f() var tmp = 5; [inc(`tmp)]; return tmp end
print(f())
