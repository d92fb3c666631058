local C = terralib.includec("stdlib.h")
terra die() C.exit(3) end
die:setnoreturn(true)
terra slow(n : int) var s = 0; for i = 0, n do s = s + i end; return s end
slow:setoptimized(false)
terra f(n : int) if n < 0 then die() end; return slow(n) end
print(f(10))
