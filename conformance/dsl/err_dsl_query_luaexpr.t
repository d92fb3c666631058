-- A syntax error inside a Lua expression embedded in the language.
import "lib.query"
print(from x in { 1 } where x == ) select x)
