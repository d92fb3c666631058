-- Outside the block that imported it, an entry point is a plain name.
do
  import "lib.arith"
  print(calc 1 end)
end
print(calc 1 end)
