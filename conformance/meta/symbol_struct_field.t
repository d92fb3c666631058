local key = "weight"
local S = terralib.types.newstruct("S")
S.entries:insert { field = key, type = double }
S.entries:insert { "count", int }
terra f() var s : S; s.weight = 2.5; s.count = 2; return s.weight * s.count end
print(f())
