-- A struct's metatype runs after the functions of its group are declared
-- (their annotated types are known) but before their bodies are defined,
-- so it can build a constant table of method pointers for dispatch.
local C = terralib.includec("stdio.h")

local function Dispatch(T)
  local names = {}
  for name, m in pairs(T.methods) do names[#names + 1] = name end
  table.sort(names)
  local ptrs = terralib.newlist()
  for i, name in ipairs(names) do
    ptrs:insert(T.methods[name])
    print(name, "slot", i - 1, tostring(T.methods[name]:gettype()))
  end
  T.metamethods.table = constant(`arrayof([&opaque], [ptrs]))
  T.metamethods.slots = names
end

struct Shape(Dispatch) {
  w : int
  h : int
}
terra Shape:area() : int
  return self.w * self.h
end
terra Shape:perimeter() : int
  return 2 * (self.w + self.h)
end

local tbl = Shape.metamethods.table
print(terralib.isconstant(tbl), tbl:gettype())

terra call(s : &Shape, slot : int) : int
  var f = [{&Shape} -> int](tbl[slot])
  return f(s)
end

terra run() : int
  var s = Shape { 3, 4 }
  return call(&s, 0) * 100 + call(&s, 1)
end
print(run())
