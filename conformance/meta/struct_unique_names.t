-- Every new struct gets a distinct name: a second struct asking for a
-- name already given out is called name$N (the first free N), so two
-- different types never print alike.
struct Point { x : int }
local function make() local struct Point { y : int } return Point end
local P2, P3 = make(), make()
local N1 = terralib.types.newstruct("Point$1")
local a1, a2 = terralib.types.newstruct(), terralib.types.newstruct()
print(Point, P2, P3, N1)
print(a1, a2, a1.name)
print(Point ~= P2, tostring(Point) ~= tostring(P2))
