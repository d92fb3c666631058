-- Nested while loops with break: count primes below 100.
terra primes(n : int) : int
  var count = 0
  var i = 2
  while i < n do
    var j = 2
    var prime = true
    while j * j <= i do
      if i % j == 0 then
        prime = false
        break
      end
      j = j + 1
    end
    if prime then count = count + 1 end
    i = i + 1
  end
  return count
end
print(primes(100))
