struct R { n : int }
R.metamethods.__for = function(it, body)
  error("R cannot be iterated")
end
terra f()
  var s = 0
  for x in R { 3 } do s = s + x end
  return s
end
f()
