-- expectmatch names the opening token and its line.
import "lib.arith"
print(calc (1 +
  2 end)
