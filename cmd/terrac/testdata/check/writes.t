local path = assert(os.getenv("CHECK_OUT"))
local f = io.open(path, "w")
f:write("written by the Lua stage\n")
f:close()
terra ok() : int return 1 end
