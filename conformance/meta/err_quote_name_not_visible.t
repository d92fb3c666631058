local q = quote var hidden = 1 end
terra f()
  [q]
  return hidden
end
f()
