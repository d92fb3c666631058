local q = quote case 1 then end end
terra f()
  [q]
end
f()
