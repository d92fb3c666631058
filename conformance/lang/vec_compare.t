-- vector comparisons produce vectors of bool, combined lane-wise
terra f() : int
  var a = vector(1, 2, 3, 4)
  var b = vector(1, 0, 3, 0)
  var eq = a == b
  var gt = a > b
  var both = eq or gt
  var r = 0
  for i = 0, 4 do
    if eq[i] then r = r + 1 end
    if gt[i] then r = r + 10 end
    if not both[i] then r = r + 1000 end
  end
  return r
end
print(f())
