-- require of a .lua file reads it as Lua 5.1, not as Terra.
package.path = "./mods/?.lua;" .. package.path
local m = require("keywords_as_names")
-- In a .t file those words stay reserved, so index with strings.
print(m["struct"]("!"), m["import"](21), m.total)
