-- Lua print/io.write and C printf share one stdout, in program order.
local C = terralib.includec("stdio.h")
terra say(i : int) C.printf("terra %d\n", i) end
for i = 1, 3 do
  print("lua " .. i)
  say(i)
end
io.write("no newline, ")
say(4)
terra partial() C.printf("partial ") end
partial()
print("done")
