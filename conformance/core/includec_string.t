-- strcpy, strcat, strlen and strcmp from string.h.
local C = terralib.includec("string.h")
terra f() : int
  var buf : int8[16]
  C.strcpy(buf, "abc")
  C.strcat(buf, "de")
  return C.strlen(buf)
end
terra same(a : rawstring, b : rawstring) : bool return C.strcmp(a, b) == 0 end
print(f(), same("x", "x"), same("x", "y"))
