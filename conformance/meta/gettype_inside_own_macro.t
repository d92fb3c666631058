-- A macro expanded inside a function's body may ask that function for
-- its type when the type was declared or annotated.
terra f :: {} -> int
local seen = macro(function()
  print("type of f:", f:gettype())
  return 5
end)
terra f() return seen() end
print(f())
