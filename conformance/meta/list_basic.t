local List = require("terralist")
local l = List { 1, 2, 3 }
l:insert(4)
print(#l, List:isclassof(l), List:isclassof({}), tostring(l))
