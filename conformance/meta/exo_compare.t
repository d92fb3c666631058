struct N { v : int }
N.metamethods.__lt = terra(a : N, b : N) return a.v < b.v end
N.metamethods.__eq = terra(a : N, b : N) return a.v == b.v end
terra f(a : int, b : int)
  var r = 0
  if N { a } < N { b } then r = r + 1 end
  if N { a } == N { b } then r = r + 10 end
  return r
end
print(f(1, 2), f(2, 2), f(3, 2))
