-- C global variables are lvalues shared between C and Terra.
local C = terralib.includecstring [[
int counter = 5;
double scale = 1.5;
int arr[4] = { 1, 2, 3, 4 };
int bump(void) { return ++counter; }
]]
terra f() : int
  C.counter = C.counter + 10
  C.bump()
  C.arr[2] = 30
  return C.counter + C.arr[2] + [int](C.scale * 2)
end
print(f())
