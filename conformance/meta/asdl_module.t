local asdl = require("asdl")
local C = asdl.NewContext()
C:Define [[ module Geo { P = (number x) Seg = (Geo.P a, Geo.P b) } ]]
local s = C.Geo.Seg(C.Geo.P(1), C.Geo.P(5))
print(s.b.x - s.a.x, C.Geo.P:isclassof(s.a))
