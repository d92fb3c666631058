-- blocks open scopes; inner names shadow outer ones
terra f() : int
  var x = 1
  var r = 0
  do
    var x = 10
    r = r + x
    do
      var x = 100
      r = r + x
    end
    r = r + x
  end
  return r + x
end
print(f())
