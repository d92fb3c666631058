-- A name that is neither a Terra variable nor a Lua value.
terra f(x : int) : int
  return x + y
end
print(f(1))
