local f = terralib.overloadedfunction("f", {terra(p : &int) return @p end, terra(p : &double) return @p * 2 end})
terra use() var i = 5; var d = 1.5; return f(&i) + f(&d) end
print(use())
