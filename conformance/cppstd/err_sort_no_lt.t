-- Sorting elements that have no < needs a comparator; the error is at
-- the call and names the missing operation.
local cpp = require "cpp"
struct Pair { a : int; b : int }
terra f()
  var v : cpp.vector(Pair)
  v:push(Pair { 2, 1 })
  cpp.sort(v)
end
f()
