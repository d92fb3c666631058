-- terralib.includepath directories are searched by includec.
terralib.includepath = terralib.includepath .. ";inc"
local C = terralib.includec("mylib.h")
terra f() : int var s : C.mysize s.w, s.h = 6, 7 return C.myarea(s) end
print(C.MYLIB_VERSION, f())
