-- A class with the operators a template requires satisfies its
-- constraint.
import "cpp"
local C = terralib.includec("stdio.h")

class Version
  major, minor : int
  new(a : int, b : int) self.major = a; self.minor = b end
  operator <(o : Version) : bool
    return self.major < o.major or (self.major == o.major and self.minor < o.minor)
  end
end

template(T : {"__lt"}) terra latest(xs : &T, n : int) : int
  var best = 0
  for i = 1, n do if xs[best] < xs[i] then best = i end end
  return best
end

terra main()
  var vs = arrayof(Version, Version(1, 2), Version(2, 0), Version(1, 9))
  var ns = arrayof(int, 4, 8, 2)
  C.printf("%d %d\n", latest(Version)(&vs[0], 3), latest(int)(&ns[0], 3))
end
main()
