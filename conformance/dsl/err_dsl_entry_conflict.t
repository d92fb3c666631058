-- Two languages imported in one block may not share an entry point.
import "lib.arith"
print(calc 1 + 1 end)
import "lib.calc2"
print("not reached")
