-- Pointer arithmetic keeps the pointer's address space, and pointers move
-- between address spaces by explicit casts.
local P1 = function(t) return terralib.types.pointer(t, 1) end
terra span(x : &int, n : int)
  var g = [P1(int)](x)
  var bytes = [P1(int8)](g)
  var moved = [P1(int)](bytes + 4 * n)
  var back = [&int](moved)
  return moved - g, back - x
end
terra run()
  var arr : int[8]
  var r = span(&arr[0], 5)
  return r._0 * 100 + r._1
end
print(run())
print(span:gettype())
