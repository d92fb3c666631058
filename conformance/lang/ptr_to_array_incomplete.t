-- A pointer to an array of a struct does not complete the struct, even
-- when a function using the pointer is compiled; the struct can be
-- defined afterwards and used through the same pointer type.
local struct Cell
local pass = terra(a : &Cell[3]) return a end
pass:compile()
print(Cell:iscomplete())
struct Cell { x : int }
terra use()
  var arr : Cell[3]
  arr[1].x = 5
  var p = pass(&arr)
  return (@p)[1].x
end
print(use(), Cell:iscomplete())
