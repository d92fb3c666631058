-- repeat ... until: the condition sees locals declared in the body.
terra f() : int
  var i = 0
  var s = 0
  repeat
    var n = i + 1
    s = s + n
    i = n
  until n >= 5
  return s
end
print(f())
