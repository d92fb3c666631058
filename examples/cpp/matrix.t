-- matrix.t: a template class Matrix(T, N) with operators. Matrix(double,
-- 3) is built once (templates are memoized); + - * and unary minus are
-- `operator` methods, m(i, j) is operator [] returning a reference, and
-- `T : {"__add", "__mul"}` is a constraint checked per instance.
import "cpp"
local cpp = require "cpp"
local C = terralib.includec("stdio.h")

template(T : {"__add", "__mul"}, N) class Matrix
  a : T[N * N]
  new() for i = 0, N * N do self.a[i] = 0 end end
  new(diag : T)
    for i = 0, N * N do self.a[i] = 0 end
    for i = 0, N do self.a[i * N + i] = diag end
  end
  operator [](i : int, j : int) : &T return &self.a[i * N + j] end
  operator +(o : Matrix) : Matrix
    var r = Matrix()
    for i = 0, N * N do r.a[i] = self.a[i] + o.a[i] end
    return r
  end
  operator -(o : Matrix) : Matrix
    var r = Matrix()
    for i = 0, N * N do r.a[i] = self.a[i] - o.a[i] end
    return r
  end
  operator *(o : Matrix) : Matrix
    var r = Matrix()
    for i = 0, N do
      for j = 0, N do
        var s : T = 0
        for k = 0, N do s = s + self.a[i * N + k] * o.a[k * N + j] end
        r.a[i * N + j] = s
      end
    end
    return r
  end
  operator *(k : T) : Matrix
    var r = Matrix()
    for i = 0, N * N do r.a[i] = self.a[i] * k end
    return r
  end
  operator unm() : Matrix return @self * [T](-1) end
  operator ==(o : Matrix) : bool
    for i = 0, N * N do if self.a[i] ~= o.a[i] then return false end end
    return true
  end
  trace() : T
    var s : T = 0
    for i = 0, N do s = s + self.a[i * N + i] end
    return s
  end
  print()
    for i = 0, N do
      for j = 0, N do C.printf(" %8.3f", [double](self.a[i * N + j])) end
      C.printf("\n")
    end
  end
end

local M3 = Matrix(double, 3)
local M2i = Matrix(int, 2)
assert(Matrix(double, 3) == M3)

terra main() : int
  var a = M3(1.0)
  var b = M3()
  for i = 0, 3 do for j = 0, 3 do b(i, j) = i * 3 + j + 1 end end
  var c = a + b * b - (-a) * 0.5
  C.printf("c = a + b*b + a/2:\n")
  c:print()
  C.printf("trace %.3f, c == c %d, c == b %d\n", c:trace(), c == c, c == b)
  -- Powers of a 2x2 integer matrix: Fibonacci numbers.
  var f = M2i(0)
  f(0, 0), f(0, 1), f(1, 0) = 1, 1, 1
  var p = M2i(1)
  for i = 0, 20 do p = p * f end
  C.printf("fib(20) = %d\n", p(0, 1))
  -- Matrices on the heap: 1,000 of them, summed and freed.
  var ms : (&M3)[1000]
  for i = 0, 1000 do ms[i] = M3.new([double](i) / 1000) end
  var sum = M3()
  for i = 0, 1000 do sum = sum + @ms[i] end
  for i = 0, 1000 do cpp.delete(ms[i]) end
  C.printf("sum of 1000 scaled identities: trace %.3f\n", sum:trace())
  return 0
end

main()
