-- Terra's keywords are reserved in Lua code too.
local var = 1
print(var)
