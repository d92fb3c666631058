-- A string concatenates with strings and rawstrings only.
local cpp = require "cpp"
terra f()
  var s : cpp.string = "n = "
  var t = s + 42
end
f()
