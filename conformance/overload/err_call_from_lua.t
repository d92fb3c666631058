local f = terralib.overloadedfunction("f", {terra(a : int) return a end})
f(1)
