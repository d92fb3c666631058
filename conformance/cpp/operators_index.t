-- operator [] returning a reference (a pointer) makes m(i) an lvalue;
-- operator () is a call.
import "cpp"
local C = terralib.includec("stdio.h")

class Grid
  cells : int[9]
  new() for i = 0, 9 do self.cells[i] = 0 end end
  operator [](i : int) : &int return &self.cells[i] end
  operator [](r : int, c : int) : &int return &self.cells[r * 3 + c] end
end

class Poly
  a, b, c : double
  new(a : double, b : double, c : double) self.a = a; self.b = b; self.c = c end
  operator ()(x : double) : double return (self.a * x + self.b) * x + self.c end
end

terra main()
  var g = Grid()
  g(4) = 7
  g(2, 2) = g(4) + 1
  g(0) = g(0) + 5
  for i = 0, 9 do C.printf("%d ", g(i)) end
  var p = Poly(1, -2, 1)
  C.printf("\np(3) = %g p(1) = %g\n", p(3), p(1))
end
main()
