-- The returned value must convert to the declared return type.
terra f(p : &int) : int
  return p
end
f:compile()
