-- A macro method receives the receiver as a value of the struct type,
-- also when it is called through a pointer (which is dereferenced first).
struct Acc { n : int }
local seen = {}
Acc.methods.kind = macro(function(self)
  seen[#seen + 1] = tostring(self:gettype())
  return `self.n
end)
terra run()
  var a = Acc { 7 }
  var p = &a
  return a:kind() + p:kind()
end
print(run(), seen[1], seen[2])
