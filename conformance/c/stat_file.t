-- struct stat from <sys/stat.h>: the size of a file written by fopen.
-- S_IFMT names glibc's __S_IFMT, so (as in Terra) only the latter, a
-- plain literal, is exported.
local C, T = terralib.includecstring [[
#include <sys/stat.h>
#include <stdio.h>
#include <unistd.h>
]]
terra test() : int
  var name = "/tmp/terrac_stat_test.txt"
  var f = C.fopen(name, "w")
  C.fputs("twelve bytes", f)
  C.fclose(f)
  var st : T.stat
  if C.stat(name, &st) ~= 0 then return -1 end
  C.printf("size %d regular %d\n", [int](st.st_size), (st.st_mode and C.__S_IFMT) == C.__S_IFREG)
  C.unlink(name)
  return 0
end
print(test())
