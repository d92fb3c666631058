-- A run-time error in a language's parser is reported at the entry point.
import "lib.broken"
local y = 1
print(broken 1 2)
