-- defers inside a loop body run every iteration and on break
local C = terralib.includec("stdio.h")
terra f()
  for i = 0, 10 do
    defer C.printf("cleanup %d\n", i)
    if i == 2 then break end
    C.printf("iter %d\n", i)
  end
end
f()
