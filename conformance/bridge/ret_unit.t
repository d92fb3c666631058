-- A function returning nothing returns no Lua values.
local n = 0
terra nothing() end
print(select("#", nothing()))
