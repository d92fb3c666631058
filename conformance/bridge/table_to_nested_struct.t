-- Nested tables initialize nested structs and arrays.
struct In { a : int, b : int }
struct Out { i : In, xs : int[3], k : double }
terra total(o : Out) : double
  return o.i.a + o.i.b + o.xs[0] + o.xs[1] + o.xs[2] + o.k
end
print(total({i = {1, 2}, xs = {10, 20, 30}, k = 0.5}))
print(total({{a = 3, b = 4}, {1, 1, 1}, 100}))
