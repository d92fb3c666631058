-- <time.h>: gmtime and strftime on a fixed instant.
local C = terralib.includec("time.h")
local S = terralib.includec("stdio.h")
terra show(t : C.time_t)
  var tm : C.tm
  C.gmtime_r(&t, &tm)
  var buf : int8[64]
  C.strftime(buf, 64, "%Y-%m-%d %H:%M:%S", &tm)
  S.printf("%s yday=%d wday=%d\n", buf, tm.tm_yday, tm.tm_wday)
end
show(0)
show(1700000000)
