-- Indexing needs an array or a pointer.
terra f(x : int) : int
  return x[0]
end
f:compile()
