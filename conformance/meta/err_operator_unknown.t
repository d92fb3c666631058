terra f(a : int, b : int)
  return operator("__pow", a, b)
end
f(1, 2)
