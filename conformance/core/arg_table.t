-- ARGS: one two 3
-- The program's arguments are in the Lua table arg; arg[0] is the script.
print(#arg, arg[1], arg[2], arg[3])
print(arg[0])
local C = terralib.includec("stdio.h")
terra show(s : rawstring) C.printf("[%s]\n", s) end
for i = 1, #arg do show(arg[i]) end
