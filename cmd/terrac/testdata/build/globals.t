-- Globals and constants are saved with the values they hold after the Lua stage.
local C = terralib.includec("stdio.h")
counter = global(int, 10)
local scale = constant(double, 2.5)
local table = global(int[3])
terra bump() : int
  counter = counter + 1
  return counter
end
terra main() : int
  table[1] = 7
  C.printf("%d %d %g %d\n", bump(), bump(), scale * 2, table[1])
  return 0
end
print(bump())
