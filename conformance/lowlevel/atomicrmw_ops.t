terra f() var x = 10
  var a = terralib.atomicrmw("add", &x, 5, {ordering = "seq_cst"})
  var b = terralib.atomicrmw("sub", &x, 3, {ordering = "acq_rel"})
  var c = terralib.atomicrmw("xchg", &x, 100, {ordering = "monotonic"})
  var d = terralib.atomicrmw("max", &x, 150, {ordering = "monotonic", isvolatile = true})
  var e = terralib.atomicrmw("and", &x, 0xF0, {ordering = "release", syncscope = "singlethread"})
  return a, b, c, d, e, x end
local r = f()
print(r._0, r._1, r._2, r._3, r._4, r._5)
