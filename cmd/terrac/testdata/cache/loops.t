local C = terralib.includec("stdio.h")
local fns = {}
for i = 1, 50 do
  fns[i] = terra(x : int) : int
    var s = 0
    for j = 0, x do s = s + j * [i] end
    return s
  end
end
local total = 0
for i = 1, 50 do total = total + fns[i](100) end
terra hello() C.printf("total %d\n", [total]) end
hello()
