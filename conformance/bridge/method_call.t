-- Methods in T.methods are callable on struct cdata with obj:m(...).
struct Acc { total : int }
terra Acc:add(n : int) self.total = self.total + n end
terra Acc:get() : int return self.total end
local a = terralib.new(Acc)
a:add(5)
a:add(7)
print(a:get(), a.total)
