-- string:at() checks the index too; a negative one is out of range.
local cpp = require "cpp"
terra main()
  var s : cpp.string = "abc"
  var i = -1
  return s:at(i)
end
main()
