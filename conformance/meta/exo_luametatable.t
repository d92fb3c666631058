-- Without __luametatable, cdata of a struct expose the struct's methods to Lua
-- (values and pointers); a __luametatable replaces that lookup.
struct P { x : int; y : int }
terra P:sum() return self.x + self.y end
terra P:scale(k : int) self.x = self.x * k; self.y = self.y * k end
terra make(x : int, y : int) return P { x, y } end
local p = make(2, 3)
print(p:sum())
p:scale(10)
print(p.x, p.y, p:sum())
local q = terralib.new(P, { 1, 1 })
print(q:sum(), P.methods.sum(q))

struct Q { v : int }
terra Q:get() return self.v end
local calls = 0
Q.metamethods.__luametatable = {
  __index = { twice = function(self) return self.v * 2 end },
  __call = function(self, a) calls = calls + 1; return self.v + a end,
  __newindex = function(self, k, v) calls = calls + 10 end,
}
local w = terralib.new(Q, { 21 })
print(w:twice(), w(1), w.get, w.v)
w.other = 5
print(calls)
