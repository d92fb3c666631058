-- terralib.isconstant: constants and single literal values are constant;
-- an expression is not, even one that may initialize a constant.
local g = global(int, 1)
local four = 4
local k = constant(`four + 6)
print(terralib.isconstant(`1 + 2), terralib.isconstant(`&g))
print(terralib.isconstant(`7), terralib.isconstant(`four), terralib.isconstant(`"text"))
print(terralib.isconstant(k), terralib.isconstant(g), terralib.isconstant(constant(2.5)))
print(terralib.isconstant(nil), terralib.isconstant(4), terralib.isconstant("text"))
print((tostring(k):match("^constant <constant> : int32 = ")))
