-- hello: the start-up figure. terrac run of a program that imports stdio.h
-- and calls printf from a JIT-compiled function.
local C = terralib.includec("stdio.h")

terra hello()
  C.printf("hello, world\n")
end

hello()
