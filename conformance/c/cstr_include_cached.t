-- A second includec of the same header with the same args returns the same tables.
local A = terralib.includec("stdio.h")
local B = terralib.includec("stdio.h")
print(A == B, A.printf == B.printf)
