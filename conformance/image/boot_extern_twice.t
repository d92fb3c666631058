-- image.iso calls image.exec's Terra code and image.util's in one function,
-- each with its own includec of stdio.h: both name the C variable stderr,
-- which must be declared once in the compiled module.
local A = terralib.includecstring "#include <stdio.h>\n"
local B = terralib.includecstring "#include <stdio.h>\n#include <errno.h>\n"
terra a() : int return A.fileno(A.stdout) end
terra b() : int return B.fileno(B.stdout) end
terra both() : int return a() * 10 + b() end
print(both())
