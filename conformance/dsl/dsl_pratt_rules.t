-- The Pratt library: a token as the precedence limit, left and right
-- associativity, a default prefix rule, several values flowing
-- through the rules, and a language with only an expression parser
-- entered at the start of a statement.
import "lib/shapes"

print(shape 1 - 2 - 3 done)
print(shape a :: b :: c done)
print(shape 1 + 2 * 3 :: 4 done)
print(shape -x * y done)
print(shape f . x . y + g . (1 - 2) done)
print(shape (a + b) * c done)

note first
note second
for i = 1, 2 do note loop end
local lang = require "lib/shapes"
print(#lang.seen, table.concat(lang.seen, " "))
