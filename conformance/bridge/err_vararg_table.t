-- A table has no vararg type: the call is refused before anything runs.
local C = terralib.includec("stdio.h")
C.printf("%g\n", 1)
C.printf("%g %p\n", 2, {})
