-- terralib.typeof gives a cdata's Terra type, and nil for other values.
struct S { a : int }
terra ptr() : &S return nil end
local s = terralib.new(S)
print(terralib.typeof(s), terralib.typeof(terralib.new(&S)), terralib.typeof(5), terralib.typeof("x"))
print(terralib.typeof(1LL), terralib.typeof(1ULL), terralib.iscdata(s), terralib.iscdata(5))
