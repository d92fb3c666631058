-- Tuples: multiple returns, destructuring, tuple values and cdata.
local C = terralib.includec("stdio.h")

terra minmax(a : &int, n : int) : {int, int}
  var lo, hi = a[0], a[0]
  for i = 1, n do
    if a[i] < lo then lo = a[i] end
    if a[i] > hi then hi = a[i] end
  end
  return lo, hi
end

terra main() : int
  var xs = array(7, -2, 9, 4, 0)
  var lo, hi = minmax(xs, 5)     -- destructuring
  C.printf("lo=%d hi=%d\n", lo, hi)
  var t = minmax(xs, 3)          -- one value: a tuple
  C.printf("t._0=%d t._1=%d\n", t._0, t._1)
  var pair : tuple(int, double) = {3, 0.25}
  C.printf("%g\n", pair._0 * pair._1)
  return 0
end
main()

terra divmod(a : int, b : int) return a / b, a % b end
local r = divmod(47, 10)               -- a tuple reaches Lua as cdata
print(r._0, r._1)
print(unpackstruct(r))                  -- or as separate values
print(tuple(int, int) == divmod:gettype().returntype)
