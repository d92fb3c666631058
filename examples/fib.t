-- fib.t: recursion. A recursive Terra function needs its return type.
local C = terralib.includec("stdio.h")

terra fib(n : int) : int
  if n < 2 then
    return n
  end
  return fib(n - 1) + fib(n - 2)
end

-- An iterative version to compare with.
terra fibloop(n : int) : int
  var a, b = 0, 1
  for i = 0, n do
    a, b = b, a + b
  end
  return a
end

terra printfibs(n : int)
  for i = 0, n do
    C.printf("fib(%d) = %d\n", i, fib(i))
  end
end

printfibs(10)
print(fib(25), fibloop(25))
