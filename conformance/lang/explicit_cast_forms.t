-- T(x) and [T](x) are explicit casts
terra f(x : double) : int
  return int(x) + [int](x * 2)
end
print(f(2.7))
terra g(b : bool) : int return [int](b) end
print(g(true), g(false))
terra h(i : int) : bool return [bool](i) end
print(h(5), h(0))
