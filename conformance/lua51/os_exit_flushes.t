-- os.exit flushes the output that print, io.write and printf share before
-- the process ends, even when stdout is a pipe.
local C = terralib.includec("stdio.h")
terra hello() C.printf("from C\n") end
print("from print")
hello()
io.write("from io.write\n")
io.flush()
os.exit(0)
print("not reached")
