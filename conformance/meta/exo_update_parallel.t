-- __update targets inside a parallel assignment: every right side is
-- computed before any target is assigned, then each __update target is
-- assigned through its metamethod and the others directly.
struct V { x : int[4] }
V.metamethods.__update = terra(self : &V, i : int, v : int)
  self.x[i] = v
end
V.metamethods.__apply = terra(self : &V, i : int) return self.x[i] end
terra pair(a : int) return a, a + 1 end
terra f()
  var v : V
  for i = 0, 4 do v.x[i] = 0 end
  var n = 7
  v(0), n = n, 3             -- reads the old n
  v(1), v(2) = v(0) + 1, n   -- reads v(0) before either write
  n, v(3) = v(1), v(1) * 10
  v(1), v(2) = v(2), v(1)     -- a swap through __update
  var m : int
  v(0), m = pair(40)         -- a tuple right side fills both targets
  return v(0), v(1), v(2), v(3), n, m
end
local r = f()
print(r._0, r._1, r._2, r._3, r._4, r._5)
