local C = terralib.includec("stdio.h")
struct P { x : int; y : int }
terra used(p : P) : int
  return p.x + p.y
end
terra broken(p : P) : int
  return p.z        -- no field z
end
terra alsobroken()
  var s : rawstring = 3.5
end
print(used({1, 2}))
terra after() : int
  return "no"
end
