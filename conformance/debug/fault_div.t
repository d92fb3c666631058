terralib.setdebuginfo("lines") -- An integer division by zero is reported at its Terra line.
terra ratio(a : int, b : int) : int
  var q = a / b
  return q
end

print(ratio(7, 2))
print(ratio(7, 0))
