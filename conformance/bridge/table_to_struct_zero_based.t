-- A table with [0] is read from index 0 (LuaJIT's rule for initializers).
struct P { a : int, b : int, c : int }
terra enc(p : P) : int return p.a * 100 + p.b * 10 + p.c end
print(enc({[0] = 1, 2, 3}), enc({1, 2, 3}))
terra sum(a : int[3]) : int return a[0] * 100 + a[1] * 10 + a[2] end
print(sum({[0] = 4, 5, 6}), sum({4, 5, 6}))
