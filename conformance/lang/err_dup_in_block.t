terra f() : int
  var a = 1
  do
    var b = 2
    var b = 3
  end
  return a
end
print(f())
