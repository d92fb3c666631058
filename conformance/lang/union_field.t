-- union members share storage
struct U { tag : int; union { i : int; f : float } }
terra f() : int
  var u : U
  u.tag = 1
  u.f = 1.0f
  return u.i
end
print(f(), terralib.sizeof(U))
