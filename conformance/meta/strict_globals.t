require("strict")
x = 1
local ok, err = pcall(function() return undefinedname end)
print(x, ok, (err:match("is not declared") ~= nil))
