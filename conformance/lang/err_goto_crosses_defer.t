local C = terralib.includec("stdio.h")
terra foo()
  goto skip
  defer C.printf("x\n")
  ::skip::
end
foo()
