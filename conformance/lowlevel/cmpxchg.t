terra f() var x = 8
  var r1 = terralib.cmpxchg(&x, 8, 20, {success_ordering = "seq_cst", failure_ordering = "monotonic"})
  var r2 = terralib.cmpxchg(&x, 8, 30, {success_ordering = "acq_rel", failure_ordering = "acquire", isweak = false})
  return r1._0, r1._1, r2._0, r2._1, x end
local r = f()
print(r._0, r._1, r._2, r._3, r._4)
