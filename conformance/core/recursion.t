-- Self recursion with a declared return type.
local C = terralib.includec("stdio.h")
terra fib(n : int) : int
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end
terra fact(n : int) : int64
  if n <= 1 then return 1 end
  return n * fact(n - 1)
end
terra gcd(a : int, b : int) : int
  if b == 0 then return a end
  return gcd(b, a % b)
end
terra show() C.printf("%lld\n", fact(20)) end
print(fib(20), gcd(1071, 462))
show()
