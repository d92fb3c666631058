local choose = true
local q = choose and `1 or `0
