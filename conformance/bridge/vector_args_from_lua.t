-- Vectors (16-byte aligned) pass between Lua and Terra as cdata, alone and
-- inside structs, as arguments and results.
terra make() return vector(1, 2, 3) end
terra sum(a : vector(int, 3)) return a[0] + a[1] + a[2] end
struct P { tag : int8; v : vector(float, 4) }
terra mk(t : int8) : P return P { t, vector(1.5f, 2.5f, 3.5f, 4.5f) } end
terra total(p : P) return p.tag + p.v[0] + p.v[1] + p.v[2] + p.v[3] end
terra scale(v : vector(double, 2), k : double) return v * k end
local v = make()
print(sum(v), sum(make()))
print(total(mk(3)))
terra pair() return vector(1.25, 2.0) end
local d = scale(pair(), 4)
print(d[0], d[1])
