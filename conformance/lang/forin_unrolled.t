-- __for may call the body several times (an unrolled loop)
struct Three { base : int }
Three.metamethods.__for = function(it, body)
  return quote
    var b = it.base
    [body(`b)]
    [body(`b + 1)]
    [body(`b + 2)]
  end
end
terra f() : int
  var s = 0
  for x in Three { 10 } do s = s * 100 + x end
  return s
end
print(f())
