-- Two C imports that both declare stderr, used by one function: the
-- module declares the symbol once (it was an LLVM "redefinition" error).
local A = terralib.includecstring [[
#include <stdio.h>
]]
local B = terralib.includecstring [[
#include <stdio.h>
#include <string.h>
]]
terra both() : int
  A.fflush(A.stderr)
  B.fflush(B.stderr)
  return [int](A.stderr == B.stderr)
end
print(both())
