-- Errors while laying out a struct: a bad entry, an entries hook that
-- raises (reported once, later uses say the layout failed), and a field
-- whose type expression is not a type.
local function try(f)
  local ok, msg = pcall(f)
  print(ok, (tostring(msg):gsub("^[^\n]-:%d+: ", ""):gsub("\n.*", "")))
end
local Bad = terralib.types.newstruct("Bad")
Bad.entries:insert { field = "x", type = "int" }
try(function() Bad:complete() end)
local Hooked = terralib.types.newstruct("Hooked")
Hooked.metamethods.__getentries = function(self) error("no entries today") end
local ok, msg = pcall(function() Hooked:complete() end)
print(ok, msg:match("no entries today") ~= nil, msg:match("Errors reported during invoking __getentries of Hooked") ~= nil)
try(function() Hooked:complete() end)
try(function() local struct S { a : 3 } end)
