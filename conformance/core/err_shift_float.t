-- Shifts need integer operands.
terra f(x : double) : double
  return x << 2
end
f:compile()
