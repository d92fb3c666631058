-- return from the middle of a function, including a bare return.
local C = terralib.includec("stdio.h")
terra p(x : int)
  if x < 0 then
    C.printf("negative\n")
    return
  end
  C.printf("value %d\n", x)
end
p(-1)
p(3)
terra find(x : int) : int
  for i = 0, 100 do
    if i * 3 >= x then return i end
  end
  return -1
end
print(find(10), find(1000))
