-- loops.t: numeric for (exclusive upper bound, steps), while, repeat, break.
local C = terralib.includec("stdio.h")

terra loops()
  for i = 0, 5 do C.printf("%d ", i) end -- 0 1 2 3 4
  C.printf("\n")
  for i = 10, 0, -2 do C.printf("%d ", i) end -- counts down, 0 excluded
  C.printf("\n")

  var n = 1
  while n < 100 do n = n * 3 end
  C.printf("while: %d\n", n)

  var k = 0
  repeat
    k = k + 1
  until k * k > 50
  C.printf("repeat: %d\n", k)

  for i = 1, 1000 do
    if i % 7 == 0 and i % 5 == 0 then
      C.printf("break at %d\n", i)
      break
    end
  end
end

loops()
