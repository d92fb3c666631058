-- & needs an lvalue.
terra f(x : int) : &int
  return &(x + 1)
end
f:compile()
