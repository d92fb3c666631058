struct P { x : int, y : int }
local mk = `P { 3, 4 }
terra f() var p = mk; return p.x * p.y end
print(f())
