local parts = { "return ", "terra() return 6 * 7 end" }
local i = 0
local chunk = terralib.load(function() i = i + 1; return parts[i] end)
print(chunk()())
