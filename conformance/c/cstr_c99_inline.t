-- A C99 `inline` definition (no `static`, no `extern`) is still a body
-- Terra can call, from the JIT and from a saved executable; two imports
-- that define the same inline function do not clash.
local A = terralib.includecstring [[
#include <stdio.h>
inline int twice(int v) { return 2 * v; }
inline long mix(long a, int b) { return a * 10 + twice(b); }
]]
local B = terralib.includecstring [[
inline int twice(int v) { return 2 * v; }
int quad(int v) { return twice(twice(v)); }
]]
terra run() : int
  return A.mix(4, 1) + B.quad(3) + B.twice(1)
end
print(run())

local exe = os.tmpname()
terralib.saveobj(exe, { main = terra() : int
  A.printf("saved: %d\n", run())
  return 0
end })
local p = io.popen(exe)
io.write(p:read("*a"))
p:close()
os.remove(exe)
