-- Structs cannot be compared with == (no __eq).
struct S { a : int }
terra f(x : S, y : S) : bool
  return x == y
end
f:compile()
