-- The RAII methods are read from the methods table itself: a
-- __getmethod metamethod that answers every name does not make a type
-- managed.
local C = terralib.includec("stdio.h")
struct A { v : int }
A.metamethods.__getmethod = function(self, name)
  return terra(a : &A) : int return [#name] end
end
terra main()
  var a : A
  C.printf("%d %d\n", a:foo(), a:longer())
end
main()
print(terralib.ismanaged(A))
