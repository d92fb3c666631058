-- terralib.printraw prints a value, and a table field by field with
-- nested tables indented under their key (kind and offset are skipped).
local named = { __tostring = function(t) return "<" .. t.tag .. ">" end }
local function node(t) return setmetatable(t, named) end
terralib.printraw(42)
terralib.printraw("text")
terralib.printraw(node { tag = "leaf" })
terralib.printraw(node { tag = "outer", inner = node { tag = "in" } })
terralib.printraw(node { tag = "typed", ty = int })
terralib.printraw(node { tag = "k", kind = "hidden", offset = 3 })
terralib.printraw(node { tag = "list", items = node { "a", "b", tag = "l" } })
local t = node { tag = "loop" }
t.self = t
terralib.printraw(t)
