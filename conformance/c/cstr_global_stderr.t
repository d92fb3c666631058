-- The stdout global from <stdio.h> passed to fprintf.
local C = terralib.includec("stdio.h")
terra f()
  C.fprintf(C.stdout, "to stdout %d\n", 1)
  C.fflush(C.stdout)
end
f()
