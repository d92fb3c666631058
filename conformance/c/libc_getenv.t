-- setenv and getenv.
local C = terralib.includec("stdlib.h")
local S = terralib.includec("stdio.h")
terra f()
  C.setenv("TERRAC_TEST_VAR", "value", 1)
  S.printf("%s %d\n", C.getenv("TERRAC_TEST_VAR"), C.getenv("TERRAC_NO_SUCH_VAR_X") == nil)
end
f()
