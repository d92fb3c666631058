-- goto out of a block runs that block's defers
local C = terralib.includec("stdio.h")
terra f()
  var i = 0
  ::again::
  do
    defer C.printf("leaving %d\n", i)
    i = i + 1
    if i < 3 then goto again end
  end
  C.printf("done\n")
end
f()
