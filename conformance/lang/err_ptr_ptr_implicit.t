terra f(p : &int) : &double
  return p
end
print(f(nil))
