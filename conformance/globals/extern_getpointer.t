local C = terralib.includec("stdio.h")
local out = global(&C.FILE, nil, "stdout", true)
terra get() return out end
local p = out:getpointer()
print(get() == out:get(), p[0] == out:get(), out:get() ~= nil)
