-- Calling a method the struct does not have.
struct S { a : int }
terra f(s : S) : int
  return s:nope()
end
f:compile()
