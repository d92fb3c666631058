-- A symbol no library defines is a link error at the call from Lua.
local g = terralib.externfunction("terrac_no_such_symbol", {int} -> int)
terra f(x : int) return g(x) end
print(f(1))
