-- while needs a bool condition as well.
terra f() : int
  var i = 0
  while 1 do i = i + 1 end
  return i
end
f:compile()
