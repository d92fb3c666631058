-- Tables initialize arrays (1-based); missing elements are zero.
terra sum(a : int[4]) : int return a[0] + a[1] + a[2] + a[3] end
terra dot(a : double[3], b : double[3]) : double
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
end
print(sum({1, 2, 3, 4}), sum({5}), sum({}), dot({1, 2, 3}, {4, 5, 6}))
