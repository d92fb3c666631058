-- defers run in reverse order at block exit
local C = terralib.includec("stdio.h")
terra f()
  defer C.printf("outer 1\n")
  do
    defer C.printf("inner 1\n")
    defer C.printf("inner 2\n")
    C.printf("body\n")
  end
  defer C.printf("outer 2\n")
  C.printf("end\n")
end
f()
