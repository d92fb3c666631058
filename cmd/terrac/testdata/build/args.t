-- An executable that reads its arguments, uses libm and returns a status.
local C = terralib.includec("stdio.h")
local M = terralib.includec("math.h")
local S = terralib.includec("stdlib.h")

struct Acc { sum : double; n : int }

terra add(a : &Acc, x : double)
  a.sum = a.sum + x
  a.n = a.n + 1
end

terra main(argc : int, argv : &rawstring) : int
  var acc = Acc { 0, 0 }
  for i = 1, argc do
    add(&acc, S.atof(argv[i]))
  end
  C.printf("n=%d sum=%g sqrt=%g\n", acc.n, acc.sum, M.sqrt(acc.sum))
  return acc.n
end
