-- -I and -D arguments reach both the declarations and the compiled bodies.
local C = terralib.includec("mylib.h", {"-Iinc", "-DMYLIB_EXTRA=11"})
terra f() : int return C.myextra() end
print(f())
