-- Calling something that is not a function names where the value came
-- from, as Lua 5.1 does.
local function try(f)
  local ok, err = pcall(f)
  print(ok, (tostring(err):gsub("^.-:%d+: ", "")))
end
local box = {}
local upv
try(function() missing_global() end)
try(function() box.absent() end)
try(function() box:absent() end)
try(function() local n = 1; n() end)
try(function() return upv() end)
try(function() (nil)() end)
