-- Output printed before a type error is kept, in order.
local C = terralib.includec("stdio.h")
terra ok() C.printf("from terra\n") end
print("from lua")
ok()
terra bad() : int return nil end
bad()
