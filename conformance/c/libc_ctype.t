-- <ctype.h>: toupper, tolower, isdigit, isalpha.
local C = terralib.includec("ctype.h")
local S = terralib.includec("stdio.h")
terra f()
  var s = "aB3 z"
  for i = 0, 5 do
    S.printf("%c%c%d%d ", C.toupper(s[i]), C.tolower(s[i]), C.isdigit(s[i]) ~= 0, C.isalpha(s[i]) ~= 0)
  end
  S.printf("\n")
end
f()
