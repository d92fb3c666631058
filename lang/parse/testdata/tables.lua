local t = {}
local u = {1, 2, 3,}
local v = {a = 1, b = 2; c = 3}
local w = {[1] = "a", ["b"] = 2, x, y = {z = {}}}
t.a = 1
t["b"] = 2
t.c.d.e = u[1][2]
a, b.c, d[e] = 1, 2
local nested = {
  {1, 2},
  {
    3,
    4
  },
}
