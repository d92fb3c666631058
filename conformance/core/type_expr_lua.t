-- Type expressions built in Lua (&T, T[N], {A,B} -> C) used inside Terra.
local IntPtr = &int
local Arr = double[2]
local Fn = {int, int} -> int
terra add(a : int, b : int) : int return a + b end
terra f() : double
  var x = 5
  var p : IntPtr = &x
  var a : Arr
  a[0], a[1] = 1.5, 2.5
  var fn : Fn = add
  return @p + a[0] + a[1] + fn(1, 2)
end
print(f())
print(IntPtr, Arr, Fn)
print(Arr.N, Arr.type, IntPtr.type)
