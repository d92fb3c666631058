-- pop on an empty vector stops with the caller's line.
local cpp = require "cpp"
terra main()
  var v : cpp.vector(double)
  v:push(1)
  var a = v:pop()
  var b = v:pop()
end
main()
