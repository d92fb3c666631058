-- loop variable types come from the annotation or the bounds
terra f() : uint64
  var s : uint64 = 0
  for i : uint64 = 0, 5 do s = s + i end
  return s
end
print(f())
terra g() : double
  var s = 0.0
  for i = 0LL, 4LL do s = s + i end
  return s
end
print(g())
