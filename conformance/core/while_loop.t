-- while loop; parameters are assignable locals.
terra collatz(n : int) : int
  var steps = 0
  while n ~= 1 do
    if n % 2 == 0 then n = n / 2 else n = 3 * n + 1 end
    steps = steps + 1
  end
  return steps
end
print(collatz(27), collatz(1))
