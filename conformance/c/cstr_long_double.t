-- long double is not supported: the function is not imported and says why.
local C = terralib.includecstring [[ long double ld(long double x); double d(double x); ]]
print(pcall(function() return C.ld end))
print(terralib.isfunction(C.d))
