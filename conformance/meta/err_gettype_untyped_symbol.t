-- A quote typed on its own may name a symbol declared elsewhere only when
-- the symbol has a type of its own.
local s = symbol("s")
local q = `s + 1
print(q:gettype())
