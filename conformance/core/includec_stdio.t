-- printf from stdio.h with int, double and string varargs; puts.
local C = terralib.includec("stdio.h")
terra show(i : int, d : double, s : rawstring)
  C.printf("i=%d d=%.2f s=%s\n", i, d, s)
end
show(42, 3.14159, "terra")
terra f() : int
  C.printf("%5d|%-4s|%g\n", 7, "ab", 0.5)
  C.puts("puts line")
  return C.printf("abc\n")
end
print(f())
