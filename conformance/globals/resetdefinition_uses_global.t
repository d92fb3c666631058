-- A definition taken over with resetdefinition brings the globals its
-- body uses along, so they exist when the function is compiled.
local counter = global(int, 40)
local box = constant(`&counter)

terra step :: {} -> int
local impl = terra() : int
  var p = box
  @p = @p + 2
  return counter
end
step:resetdefinition(impl)
print(step())
print(counter:get())
