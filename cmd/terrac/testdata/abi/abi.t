-- Terra functions taking and returning structs by value, saved with
-- terralib.saveobj as an object file that a C program links (abi_main.c).
struct IP { a : int, b : int }
struct FP { x : float, y : float }
struct F3 { x : float, y : float, z : float }
struct MX { i : int, d : double }
struct DM { d : double, i : int8 }
struct SM { c : int8, s : int16, f : float }
struct Big { a : int64, b : double, c : int, d : int64 }
struct Arr { v : int[3], f : float }
struct DA { d : double[2] }
struct BA { v : int16[12] }
struct FI { f : float, i : int }
struct C3 { a : int8, b : int8, c : int8 }
struct FFD { x : float, y : float, d : double }
struct NS { p : IP, f : float }
struct LL { a : int64, b : int64 }

terra ip_swap(p : IP) : IP return IP { p.b, p.a } end
terra fp_scale(p : FP, k : float) : FP return FP { p.x * k, p.y * k } end
terra f3_rot(p : F3) : F3 return F3 { p.y, p.z, p.x } end
terra mx_add(a : MX, b : MX) : MX return MX { a.i + b.i, a.d + b.d } end
terra dm_make(d : double, i : int8) : DM return DM { d * 2, i + 1 } end
terra sm_bump(s : SM) : SM return SM { s.c + 1, s.s * 2, s.f / 2 } end
terra big_mix(b : Big, k : int) : Big
  return Big { b.a * k, b.b + k, b.c - k, b.d + b.a }
end
terra arr_rev(a : Arr) : Arr
  return Arr { arrayof(int, a.v[2], a.v[1], a.v[0]), a.f + 1 }
end
terra da_sum(a : DA) : double return a.d[0] + a.d[1] end
terra ba_sum(b : BA) : int
  var s = 0
  for i = 0, 12 do s = s + b.v[i] end
  return s
end
terra odd(a : FI, b : C3, c : FFD, d : NS, e : LL) : FFD
  return FFD { a.f + a.i, b.a + b.b + b.c + d.p.a + d.p.b, c.x + c.y + c.d + d.f + e.a + e.b }
end
terra c3_make(x : int8) : C3 return C3 { x, x + 1, x + 2 } end
terra ns_make(a : int, f : float) : NS return NS { IP { a, -a }, f } end
terra ll_make(a : int64) : LL return LL { a, -a * 3 } end
terra fi_make(f : float) : FI return FI { f, int(f) } end

-- Enough arguments to run out of registers: later structs go on the stack.
terra many(a : MX, b : MX, c : FP, d : MX, e : IP, f : MX, g : FP, h : DA, i : MX) : double
  return a.i + a.d + b.i + b.d + c.x + c.y + d.i + d.d + e.a + e.b + f.i + f.d
       + g.x + g.y + h.d[0] + h.d[1] + i.i + i.d
end
terra pass_big(x : int, b : Big, y : double) : double return x + b.a + b.b + b.c + b.d + y end

-- Terra calling C callbacks passed as function pointers.
terra call_ip(cb : {IP} -> IP, p : IP) : int
  var r = cb(p)
  return r.a * 10 + r.b
end
terra call_fp(cb : {FP, float} -> FP, p : FP) : FP return cb(p, 3) end
terra call_mx(cb : {MX, int} -> double, m : MX) : double return cb(m, 5) + 1 end
terra call_big(cb : {Big} -> Big, b : Big) : int64
  var r = cb(b)
  return r.a + r.c + r.d
end
terra call_arr(cb : {Arr, DM} -> Arr, a : Arr) : int
  var r = cb(a, DM { 0.5, 7 })
  return r.v[0] * 100 + r.v[1] * 10 + r.v[2] + [int](r.f)
end

terralib.saveobj(arg[1], "object", {
  ip_swap = ip_swap, fp_scale = fp_scale, f3_rot = f3_rot, mx_add = mx_add,
  dm_make = dm_make, sm_bump = sm_bump, big_mix = big_mix, arr_rev = arr_rev,
  da_sum = da_sum, ba_sum = ba_sum, many = many, pass_big = pass_big,
  call_ip = call_ip, call_fp = call_fp, call_mx = call_mx, call_big = call_big,
  call_arr = call_arr, odd = odd, c3_make = c3_make, ns_make = ns_make,
  ll_make = ll_make, fi_make = fi_make,
})
