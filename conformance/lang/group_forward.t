-- Adjacent terra/struct statements form one group: its structs exist
-- before its functions, so a method or a parameter may name a struct
-- written further down, and a declaration followed by its definition
-- in the same group is one function.
local api = {}
do
  terra api.area(r : Rect) return r.w * r.h end
  terra Rect:grow(by : int) self.w = self.w + by return self end
  struct Rect { w : int, h : int }
  terra twice :: {int} -> int
  terra twice(x : int) return x * 2 end
end
terra run()
  var r = Rect { 2, 3 }
  r:grow(1)
  return api.area(r) + twice(5)
end
print(run(), twice:gettype())
