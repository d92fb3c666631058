-- A __staticinitialize hook may use a global whose type is the struct
-- being completed; the global is created once, after the hook ran
-- (hooks of two structs nest: C's hook completes D).
struct D { n : int; m : int }
struct C { d : &D }
local g = global(D)

function D.metamethods.__staticinitialize(self)
  print("D ready", D:iscomplete())
  g:get().n = 10
end
function C.metamethods.__staticinitialize(self)
  print("C ready", C:iscomplete())
  g:get().m = 5
  g:get().n = g:get().n + 1
end

terra total()
  var c : C
  return g.n + g.m
end
print(total())
