-- a Lua runtime error
local function g(t) return t.field.sub end
print("before")
g({})
