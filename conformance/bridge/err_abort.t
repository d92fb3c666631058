-- abort() called from Terra code is reported, not a crash.
local C = terralib.includec("stdlib.h")
terra die() C.abort() end
die()
