-- A defer inside a nested block of an and/or operand runs when that
-- block ends; on integers and/or are bitwise, so a defer left in an
-- operand runs at the end of the enclosing block.
local C = terralib.includec("stdio.h")
local c = global(int, 0)
terra up() c = c + 1 end
terra loop() : int
  var a = 0
  while a < 3 and [quote do defer up() end in true end] do a = a + 1 end
  return a
end
terra bits() : int
  var r = [quote defer up() in 6 end] and 3
  C.printf("in bits: c = %d\n", c)
  return r
end
print(loop(), c:get())
print(bits(), c:get())
