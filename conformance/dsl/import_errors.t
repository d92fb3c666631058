-- Errors about imported languages: a module that fails while loading is
-- reported with the stack of the failure, and a syntax error at one of
-- the language's keywords names the keyword without quotes (an ordinary
-- name keeps them).
local ok, msg = terralib.loadstring('import "lib.fails_on_load"')
print(ok, msg:match("error loading language 'lib.fails_on_load'") ~= nil,
      msg:match("language setup failed") ~= nil, msg:match("stack traceback:") ~= nil,
      msg:match("in function 'setup'") ~= nil or msg:match("fails_on_load.t:3") ~= nil)
local _, m1 = terralib.loadstring('return (arith calc')
print(m1:match("near (%S+)$"))
local _, m2 = terralib.loadstring('import "lib.arith"; return (1 calc')
print(m2:match("near (%S+)$"))
