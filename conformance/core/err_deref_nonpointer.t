-- @ needs a pointer.
terra f(x : int) : int
  return @x
end
f:compile()
