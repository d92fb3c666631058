-- A Terra function runs on a POSIX thread started by pthread_create.
local C = terralib.includecstring [[
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
]]
struct Job { from : int; to : int; sum : int64 }
terra work(arg : &opaque) : &opaque
  var j = [&Job](arg)
  j.sum = 0
  for i = j.from, j.to do j.sum = j.sum + i end
  return nil
end
terra run() : int64
  var jobs : Job[4]
  var th : C.pthread_t[4]
  for k = 0, 4 do
    jobs[k].from = k * 1000
    jobs[k].to = (k + 1) * 1000
    if C.pthread_create(&th[k], nil, work, &jobs[k]) ~= 0 then return -1 end
  end
  var total : int64 = 0
  for k = 0, 4 do
    C.pthread_join(th[k], nil)
    total = total + jobs[k].sum
  end
  return total
end
print(run())
