-- ^ (xor) needs integer operands.
terra f(a : double, b : double) : double
  return a ^ b
end
f:compile()
