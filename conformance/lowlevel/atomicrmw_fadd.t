terra f() var d : double = 1.0
  var old = terralib.atomicrmw("fadd", &d, 20.0, {ordering = "monotonic"})
  terralib.atomicrmw("fsub", &d, 0.5, {ordering = "monotonic"})
  return old, d end
local r = f()
print(r._0, r._1)
