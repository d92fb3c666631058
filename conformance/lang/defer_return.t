-- defers run on return, after the returned value is computed
local C = terralib.includec("stdio.h")
terra note(s : rawstring) C.printf("%s\n", s) end
terra f(a : int) : int
  defer note("leave f")
  if a == 0 then
    defer note("leave then")
    return 10
  end
  return 20
end
print(f(0))
print(f(1))
