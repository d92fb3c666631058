-- strtok_r splits a string; strncpy and strncmp bound their work.
local C = terralib.includec("string.h")
local S = terralib.includec("stdio.h")
terra f()
  var buf : int8[32]
  C.strncpy(&buf[0], "a,bb,,ccc", 32)
  var save : &int8
  var t = C.strtok_r(&buf[0], ",", &save)
  while t ~= nil do
    S.printf("[%s]", t)
    t = C.strtok_r(nil, ",", &save)
  end
  S.printf(" %d\n", C.strncmp("abcx", "abcy", 3))
end
f()
