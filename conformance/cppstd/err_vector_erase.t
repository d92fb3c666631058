-- erase and insert check their index, and pop an empty vector: each
-- stops the program with the caller's line.
local cpp = require "cpp"
local C = terralib.includec("stdio.h")
terra main()
  var v : cpp.vector(cpp.string)
  v:push("a")
  v:insert(1, "b")
  v:erase(0)
  C.printf("%s %lld\n", v(0):c_str(), v:size())
  C.printf("%s\n", v:pop():c_str())
  v:erase(0)
end
main()
