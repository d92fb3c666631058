-- The hook the class library builds on: calling a struct type whose
-- metamethods include a __construct macro expands the macro (any number
-- of arguments); without it, T(x) stays a cast.
local C = terralib.includec("stdio.h")

struct Pair { a : int; b : int }
Pair.metamethods.__construct = macro(function(...)
  local args = { ... }
  if #args == 0 then return `Pair { 0, 0 } end
  if #args == 1 then return `Pair { [args[1]], [args[1]] } end
  return `Pair { [args[1]], [args[2]] }
end)

struct Plain { v : double }

terra main()
  var p, q, r = Pair(), Pair(3), Pair(4, 5)
  var d = [double](7)
  C.printf("%d %d %d %d %d %d %g\n", p.a, p.b, q.a, q.b, r.a, r.b, d)
end
main()
