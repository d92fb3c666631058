-- Messages about language entry points: an entry point met where Lua
-- expects something else is shown bare (it is not a Lua name), and
-- importing two languages with the same entry point in one block names
-- both languages. An entry point stays a keyword after 'local', so a
-- language without a local-statement parser rejects it.
local function try(src)
  local f, err = terralib.loadstring(src, "chunk")
  print(f == nil, err)
end
try('import "lib/shapes"\nlocal x = (1 note)')
try('local note = 1 local y = (1 note)')
try('import "lib/shapes"\nlocal note = 1')
try('import "lib/shapes"\nimport "lib/shapes"')
