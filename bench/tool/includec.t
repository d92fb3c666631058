-- includec: time one includec("stdio.h") from Lua (os.clock is the
-- process's CPU time, in terrac as in Terra). Run with an empty cache
-- directory for the cold figure and again for the warm one.
local t0 = os.clock()
local C = terralib.includec("stdio.h")
local t1 = os.clock()
assert(C.printf ~= nil)
print(string.format("time %.6f", t1 - t0))
