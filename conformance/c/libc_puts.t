-- puts, putchar and fputs to the C stdout global interleave with Lua print.
local C = terralib.includec("stdio.h")
terra f()
  C.puts("one")
  C.putchar(50) C.putchar(10)
  C.fputs("three\n", C.stdout)
end
print("zero")
f()
print("four")
