struct M { v : double }
M.metamethods.__cast = function(from, to, exp) error("cannot cast") end
terra take(x : int) return x end
terra f() var m = M { 1 }
  return take(m)
end
f()
