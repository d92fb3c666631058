-- headers4: time one includecstring of stdio.h, stdlib.h, math.h and
-- string.h from Lua (os.clock is the process's CPU time, as in Terra), then
-- use a few of the names, as a program would. Run with an empty cache
-- directory for the cold figure and again for the warm one.
local t0 = os.clock()
local C = terralib.includecstring([[
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>
]])
local t1 = os.clock()
assert(C.printf and C.malloc and C.sqrt and C.strlen and C.FILE)
print(string.format("time %.6f", t1 - t0))
