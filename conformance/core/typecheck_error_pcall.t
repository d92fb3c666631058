-- A type error is a Lua error that pcall can catch.
local f = terra() : int return true end
local ok, err = pcall(function() return f() end)
print(ok)
print(string.find(tostring(err), "Errors reported during typechecking.", 1, true) ~= nil)
print(string.find(tostring(err), "invalid conversion from bool to int32", 1, true) ~= nil)
