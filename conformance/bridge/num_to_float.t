-- A number passed as float is rounded to single precision.
terra widen(x : float) : double return x end
terra same(x : double) : double return x end
print(widen(0.1) == 0.1, widen(0.5), same(0.1) == 0.1)
print(string.format("%.10f", widen(0.1)))
