-- operator cast converts an object to the result type, explicitly or
-- implicitly.
import "cpp"
local C = terralib.includec("stdio.h")

class Fraction
  num, den : int
  new(n : int, d : int) self.num = n; self.den = d end
  operator cast() : double return [double](self.num) / self.den end
  operator cast() : bool return self.num ~= 0 end
end

terra half(x : double) : double return x / 2 end

terra main()
  var f = Fraction(3, 4)
  var z = Fraction(0, 1)
  var d : double = f
  C.printf("%g %g %g %d %d\n", d, [double](f), half(f), [bool](f), [bool](z))
end
main()
