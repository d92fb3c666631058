-- Selecting a field the struct does not have.
struct S { a : int }
terra f(s : S) : int
  return s.z
end
f:compile()
