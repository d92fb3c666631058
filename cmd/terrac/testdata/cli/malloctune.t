-- Frees 100 small blocks and reports how many bytes landed in glibc's
-- fastbins (mallinfo2's fsmblks): none when the per-thread cache holds
-- them all. Also prints the environment variables terrac's start-up may
-- have touched, as Lua and a child process see them.
local M = terralib.includecstring [[
#include <malloc.h>
#include <stdlib.h>
]]
terra fastbinBytes() : int64
  var ps : (&opaque)[100]
  for i = 0, 100 do ps[i] = M.malloc(24) end
  for i = 0, 100 do M.free(ps[i]) end
  return M.mallinfo2().fsmblks
end
print("fastbin bytes", fastbinBytes())
print("GLIBC_TUNABLES", os.getenv("GLIBC_TUNABLES"), os.getenv("TERRAC_MALLOC_REEXEC"))
io.stdout:flush()
os.execute("env | grep -E '^(GLIBC_TUNABLES|TERRAC_MALLOC_REEXEC)=' | sort")
