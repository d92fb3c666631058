-- Pointers to different types do not convert implicitly.
terra f(p : &int) : int return @p end
local d = terralib.new(double[1])
f(terralib.cast(&double, d))
