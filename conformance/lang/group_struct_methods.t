-- A struct and methods on it in one group of consecutive definitions:
-- the methods find the struct the group is creating (global, local,
-- dotted, and with a metatype that adds methods of its own).
local function counted(T)
  terra T.methods.kind() return 7 end
end
struct G { a : int }
terra G:get() return self.a end
local struct L(counted) { b : int }
terra L:get() return self.b + L.kind() end
NS = {}
struct NS.P { c : int }
terra NS.P:get() return self.c end
terra NS.P.methods.twice(p : &NS.P) return 2 * p.c end
terra use()
  var g = G { 1 }
  var l = L { 2 }
  var p = NS.P { 3 }
  return g:get() + l:get() + p:get() + p:twice()
end
print(use())

-- A method may come before its struct in the group, and a function may
-- name a struct defined later in it.
do
  terra Later:get() return self.v end
  terra make() return Later { 5 } end
  struct Later { v : int }
  print(make():get())
end
