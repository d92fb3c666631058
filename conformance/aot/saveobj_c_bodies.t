-- A saved executable carries the C functions its Terra code calls; C
-- functions it does not call are left out, so one may share its name
-- with an exported Terra function.
local C = terralib.includecstring [[
#include <stdio.h>
int answer(void) { return -1; }
int forty(void) { return 40; }
static int two(void) { return 2; }
int call_two(void) { return two(); }
]]
terra answer() : int return C.forty() + C.call_two() end
local exe = os.tmpname()
terralib.saveobj(exe, { main = terra() : int
  C.printf("answer %d\n", answer())
  return 0
end, answer = answer })
local p = io.popen(exe)
io.write(p:read("*a"))
p:close()
os.remove(exe)
