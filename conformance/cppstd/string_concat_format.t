-- s + t with strings, rawstrings and temporaries (short and long
-- results), and string.format with integers, doubles, chars and string
-- arguments (variables and temporaries).
local cpp = require "cpp"
local C = terralib.includec("stdio.h")
local string = cpp.string

terra name(i : int) : string
  return string.format("item%03d", i)
end

terra main()
  var a : string = "foo"
  var b : string = "bar"
  var c = a + b
  var d = a + "-" + b + "-" + name(7)
  var e = "<" + c + ">"
  C.printf("%s %s %s\n", c:c_str(), d:c_str(), e:c_str())
  var long = d + d + d
  C.printf("%s %lld\n", long:c_str(), long:size())
  var f = string.format("%d|%5.2f|%c|%s|%s|%lld", -12, 3.14159, 120, a, name(42), long:size())
  C.printf("%s\n", f:c_str())
  var empty = string.format("")
  C.printf("[%s] %lld\n", empty:c_str(), empty:size())
  var acc : string
  for i = 0, 5 do acc = acc + name(i) + " " end
  C.printf("%s\n", acc:c_str())
end
main()
