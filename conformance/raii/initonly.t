-- A struct with __init but no __dtor (and no managed field) is not
-- managed: `var x : T` still runs its __init, but nothing is destroyed
-- and values copy as plain bits. An __init of another signature on such
-- a type is the program's own method: not an error, not called.
local C = terralib.includec("stdio.h")
struct P { x : int; y : int }
terra P:__init() self.x, self.y = 1, 2; C.printf("init P\n") end
struct Q { n : int }
terra Q:__init(n : int) self.n = n end
terra main()
  var q0 : Q
  q0:__init(4)
  C.printf("q0 = %d\n", q0.n)
  var p : P
  p.x = 5
  var q = p
  var r : P = P { 7, 8 }
  C.printf("%d %d %d %d %d\n", p.x, p.y, q.x, q.y, r.x)
  C.printf("managed %d\n", [terralib.ismanaged(P)])
end
main()
