-- A language module that raises an error while loading: the import fails
-- with the module's message followed by the Lua stack traceback at the
-- point of the error.
local f, err = terralib.loadstring('import "lib/failing"', "src")
print(f)
print(err:match("^src:1:8: error loading language 'lib/failing': [^\n]*failing.t:3: cannot set up this language") ~= nil)
print(err:match("\nstack traceback:\n") ~= nil, err:match("failing.t:5: in ") ~= nil)
