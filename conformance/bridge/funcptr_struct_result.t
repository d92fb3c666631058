-- A call through a function pointer converts aggregates like a direct call.
struct P { a : int, b : int }
terra swap(p : P) : P return P{p.b, p.a} end
local fp = swap:getpointer()
local r = fp({1, 2})
print(r.a, r.b)
