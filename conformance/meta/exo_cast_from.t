struct Meters { v : double }
Meters.metamethods.__cast = function(from, to, exp)
  if from == Meters and to == double then return `exp.v end
  error("invalid cast")
end
terra half(x : double) return x / 2 end
terra f() var m = Meters { 9 }; return half(m) end
print(f())
