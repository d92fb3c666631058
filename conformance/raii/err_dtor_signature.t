-- A __dtor must take the object by address. Every function that uses
-- the type reports it.
struct A { x : int }
A.methods.__dtor = terra(self : A) end
terra main()
  var a : A
end
terra other()
  var b : A
end
local ok, err = pcall(main)
io.stderr:write(tostring(err), "\n")
other()
