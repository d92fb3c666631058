-- Ten mixed int/double arguments cross the Lua/Terra boundary and the C ABI.
terra many(a : int, b : double, c : int, d : double, e : int,
           f : double, g : int, h : double, i : int, j : double) : double
  return a + b + c + d + e + f + g + h + i + j
end
terra callit() : double
  return many(1, 0.5, 2, 0.25, 3, 0.125, 4, 0.0625, 5, 0.03125)
end
print(many(1, 0.5, 2, 0.25, 3, 0.125, 4, 0.0625, 5, 0.03125))
print(callit())
