-- a function whose result type is declared may still fall off its end
terra f(x : int) : int
  if x > 0 then return x end
end
print(f(3))
