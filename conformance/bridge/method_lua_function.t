-- T.methods may hold Lua functions; they see the cdata as self.
struct P { x : int }
P.methods.describe = function(self) return "P(" .. self.x .. ")" end
local p = terralib.new(P, {3})
print(p:describe())
P.methods.later = function(self) return self.x * 2 end
print(p:later())
