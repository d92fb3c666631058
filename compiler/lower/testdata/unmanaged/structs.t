-- Structs, arrays and tuples without __init/__dtor/__copy: their IR
-- must not change when managed types are implemented.
local C = terralib.includec("stdlib.h")

struct Pair { a : int; b : double }
struct Big { data : int[8]; n : int; p : Pair }
struct Buf { ptr : &int; len : int64 }

terra Pair:sum() : double return self.a + self.b end
terra Buf:get(i : int64) : int return self.ptr[i] end

terra mkpair(a : int, b : double) : Pair return Pair { a, b } end
terra mkbig(n : int) : Big
  var b : Big
  for i = 0, 8 do b.data[i] = i * n end
  b.n = n
  b.p = mkpair(n, 2.5)
  return b
end

terra bypair(p : Pair, q : Pair) : Pair
  var r = p
  r.a = r.a + q.a
  r = q
  return r
end

terra bybig(b : Big) : int
  var c = b
  var d : Big
  d = c
  return d.data[3] + mkbig(2).n + mkpair(1, 2):sum()
end

terra temps() : double
  var x = mkpair(1, 2).b + mkbig(3).p.b
  mkpair(4, 5)
  mkbig(6)
  return x
end

terra tuples() : {int, double}
  var a, b = 1, 2.0
  a, b = b, a
  var t = { a, b }
  var p : Pair = t
  return p.a, p.b
end

terra usetuple() : int
  var x, y = tuples()
  return x + y
end

terra arrays() : int
  var xs : int[4]
  var ps : Pair[3]
  var bs = arrayof(Buf, Buf { nil, 0 }, Buf { nil, 1 })
  for i = 0, 4 do xs[i] = i end
  ps[1] = mkpair(2, 3)
  var ys = xs
  ys[0] = ps[1].a
  return ys[0] + bs[1].len
end

terra heap(n : int64) : Buf
  var b = Buf { [&int](C.malloc(n * 4)), n }
  for i = 0, n do b.ptr[i] = i end
  return b
end

golden = { mkpair, mkbig, bypair, bybig, temps, tuples, usetuple, arrays, heap }
