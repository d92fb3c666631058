-- cpp.string: from a literal, size, c_str, append (bytes, rawstring,
-- string), push, substr, find, starts_with, s(i) as an lvalue, at, for c
-- in s, clear; short strings (up to 15 bytes) and long ones behave alike.
local cpp = require "cpp"
local C = terralib.includec("stdio.h")
local string = cpp.string

terra main()
  var s : string = "hello"
  C.printf("[%s] %lld empty %d\n", s:c_str(), s:size(), s:empty())
  var e : string
  C.printf("[%s] %lld empty %d\n", e:c_str(), e:size(), e:empty())
  s:append(", world")
  s:push(33)
  C.printf("[%s] %lld\n", s:c_str(), s:length())
  var t = s:substr(7, 5)
  C.printf("[%s] find %lld %lld %lld %lld\n", t:c_str(), s:find("o"), s:find("o", 5), s:find("xyz"), s:find(t))
  C.printf("starts %d %d\n", s:starts_with("hell"), s:starts_with("help"))
  s(0) = 72
  s:at(7) = 87
  var upper = 0
  for c in s do
    if c >= 65 and c <= 90 then upper = upper + 1 end
  end
  C.printf("[%s] upper %d\n", s:c_str(), upper)
  var long : string
  for i = 0, 40 do long:push(97 + i % 26) end
  C.printf("[%s] %lld cap>=40 %d\n", long:c_str(), long:size(), long:capacity() >= 40)
  long:append(&s)
  C.printf("[%s] %lld\n", long:c_str(), long:size())
  var fifteen : string = "123456789012345"
  fifteen:push(54)
  C.printf("[%s] %lld\n", fifteen:c_str(), fifteen:size())
  var b = string.from("bytes and more", 5)
  C.printf("[%s] %lld\n", b:c_str(), b:size())
  long:clear()
  C.printf("[%s] %lld\n", long:c_str(), long:size())
end
main()
