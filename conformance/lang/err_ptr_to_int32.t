terra f(p : &int) : int
  return [int](p)
end
print(f(nil))
