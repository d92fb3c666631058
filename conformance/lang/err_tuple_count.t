terra two() : {int, int} return 1, 2 end
terra f() : int
  var a, b, c = two()
  return a
end
print(f())
