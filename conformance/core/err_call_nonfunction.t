-- Calling something that is not a function.
terra f(x : int) : int
  return x(1)
end
f:compile()
