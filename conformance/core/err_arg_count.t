-- Calling a function with the wrong number of arguments.
terra add(a : int, b : int) : int return a + b end
terra f() : int
  return add(1)
end
print(f())
