-- a syntax error in Terra code
terra f(x : int) : int
  return x +
end
