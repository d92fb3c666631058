local function f(...)
  local a = {...}
  local n = select('#', ...)
  local x = (...)
  return ..., n
end
print(f(1, 2, 3))
print((f(1)))
local t = {f(1), f(2), (f(3))}
