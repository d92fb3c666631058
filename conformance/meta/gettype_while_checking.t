-- A macro run while a function is being checked may ask that function's
-- type when it was declared beforehand; without a declared type the
-- question has no answer yet and is an error.
terra declared :: {int} -> int
local asked
local probe = macro(function(x)
  asked = tostring(declared:gettype())
  return x
end)
terra declared(v : int) return probe(v) + 1 end
print(declared(41), asked)

local probe2 = macro(function()
  local ok, err = pcall(function() return undeclared:gettype() end)
  print(ok, (tostring(err):gsub("^.-: ", "")))
  return `0
end)
terra undeclared() return probe2() end
print(undeclared())
