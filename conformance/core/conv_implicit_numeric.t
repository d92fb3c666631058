-- Implicit numeric conversions: double to int truncates toward zero.
terra f() : int var a : int = 3.75 return a end
terra g() : int var a : int = -3.75 return a end
terra h(x : int) : double var d : double = x return d / 4 end
print(f(), g(), h(10))
