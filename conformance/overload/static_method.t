struct V {}
V.methods.make = terralib.overloadedfunction("make", {terra(a : int) return a end, terra(a : int, b : int) return a * b end})
terra m() return V.make(3) + V.make(4, 5) end
print(m())
