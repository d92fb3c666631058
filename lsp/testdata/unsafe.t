local f = io.open(arg[0]:match("^(.*/)") .. "written-by-check.txt", "w")
f:write("hello")
f:close()
terra after() : int return nil end
