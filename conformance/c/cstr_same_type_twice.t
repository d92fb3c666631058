-- The same C struct imported twice is one Terra type.
local A = terralib.includecstring [[ struct pt { int x, y; }; int getx(struct pt p) { return p.x; } ]]
local B = terralib.includecstring [[ struct pt { int x, y; }; ]]
print(A.pt == B.pt)
terra f() : int var p : B.pt p.x = 8 return A.getx(p) end
print(f())
