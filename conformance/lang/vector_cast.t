-- vectors of the same length convert element-wise
terra f() : int
  var v = vector(1.7, 2.2, -3.9)
  var w : vector(int, 3) = v
  var x = [vector(int8, 3)](w)
  return w[0] + w[1] + w[2] + x[2]
end
print(f())
