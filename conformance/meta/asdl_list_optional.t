local asdl = require("asdl")
local C = asdl.NewContext()
C:Define [[ Node = (string name, Node* kids, number? weight) ]]
local t = C.Node("root", { C.Node("a", {}), C.Node("b", {}, 2) })
print(t.name, #t.kids, t.kids[2].weight, t.weight, terralib.islist(t.kids))
