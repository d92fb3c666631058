-- unpackstruct expands fields into an expression list in Terra
struct P { x : int; y : int; z : int }
terra add3(a : int, b : int, c : int) : int return a * 100 + b * 10 + c end
terra f() : int
  var p = P { 1, 2, 3 }
  return add3(unpackstruct(p))
end
print(f())
terra g() : int
  var p = P { 4, 5, 6 }
  var a, b = unpackstruct(p, 2, 3)
  return a * 10 + b
end
print(g())
terra h() : int
  var t = {7, 8}
  var a, b = unpacktuple(t)
  return a + b
end
print(h())
