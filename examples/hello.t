-- hello.t: Lua and Terra in one file.
-- Lua code runs top to bottom; `terra` defines a native function that Lua
-- can call like any other function. Both write to the same stdout, so the
-- lines below come out in program order.
local C = terralib.includec("stdio.h")

terra hello(name : rawstring, times : int)
  for i = 0, times do -- the upper bound is exclusive: i = 0, 1
    C.printf("hello, %s! (%d)\n", name, i)
  end
end

print("Lua says hi first")
hello("terra", 2)
print("and Lua has the last word")

-- `terrac build examples/hello.t` saves this main as a native executable.
terra main() : int
  hello("native code", 1)
  return 0
end
