-- A function whose result type is declared may still fall off its end:
-- Terra reports no error and returns an undefined value on that path
-- (terrac returns zero), so only the path with a return is printed.
terra f(x : int) : int
  if x > 0 then return x end
end
print(f(3))
