-- ==, ~=, <, <=, >, >= and compare between strings, and between a string
-- and a rawstring, byte-wise (a prefix sorts first).
local cpp = require "cpp"
local C = terralib.includec("stdio.h")
local string = cpp.string

terra cmp(a : &string, b : &string)
  C.printf("%-6s %-6s == %d ~= %d < %d <= %d > %d >= %d compare %d\n", a:c_str(), b:c_str(),
    @a == @b, @a ~= @b, @a < @b, @a <= @b, @a > @b, @a >= @b, a:compare(@b) > 0)
end

terra main()
  var x : string = "apple"
  var y : string = "apples"
  var z : string = "banana"
  var w : string = "apple"
  cmp(&x, &y)
  cmp(&y, &x)
  cmp(&x, &z)
  cmp(&x, &w)
  C.printf("literal %d %d %d %d\n", x == "apple", x ~= "apple", x < "b", x > "B")
  var long1 : string = "the same long string, past sixteen bytes"
  var long2 = long1
  long2:push(0)
  C.printf("long %d %d %lld\n", long1 == long2, long1 < long2, long2:size() - long1:size())
end
main()
