local C = terralib.includec("stdio.h")
local err = global(&C.FILE, nil, "stderr", true)
terra notnull() return err ~= nil end
print(err:isextern(), notnull())
