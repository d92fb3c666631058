-- Declaring the same variable twice in one scope.
terra f() : int
  var a = 1
  var a = 2
  return a
end
f:compile()
