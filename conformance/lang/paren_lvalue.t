-- Parentheses only group: a parenthesized lvalue can still have its
-- address taken and be assigned to.
struct Holder { vals : int[3] }
terra run()
  var h : Holder
  h.vals[0], h.vals[1], h.vals[2] = 1, 2, 3
  var p = &(h.vals[1])
  @p = 20
  var arr : int[4]
  var q = &arr
  (@q)[2] = 7
  (h.vals[2]) = 30
  ((h).vals)[0] = 10
  return h.vals[0] + h.vals[1] + h.vals[2] + (@q)[2]
end
print(run())
