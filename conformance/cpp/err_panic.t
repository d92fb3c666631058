-- cpp.panic stops the program with its message and its Terra line.
local cpp = require "cpp"
local C = terralib.includec("stdio.h")

terra divide(a : int, b : int) : int
  if b == 0 then
    cpp.panic("division of %d by zero", a)
  end
  return a / b
end

terra main()
  C.printf("%d\n", divide(10, 2))
  C.printf("%d\n", divide(7, 0))
end
main()
