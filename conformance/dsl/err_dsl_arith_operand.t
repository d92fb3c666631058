-- The Pratt library reports a token with no prefix rule at its position.
import "lib.arith"
local a = 1
print(calc a + * 2 end)
