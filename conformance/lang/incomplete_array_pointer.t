-- A pointer to an array of a struct does not complete the struct: a
-- function taking &A[3] compiles while A is only declared, and still
-- works with functions compiled after A is defined.
local struct A
local pass = terra(p : &A[3]) return p end
pass:compile()
print(A:iscomplete())
struct A { x : int }
terra use()
  var arr : A[3]
  arr[1].x = 7
  var p = pass(&arr)
  return (@p)[1].x
end
print(use(), A:iscomplete())
