-- The body of a `for … in` loop is the user's own block: a name declared
-- twice in it is reported, even though __for splices it (here twice) into
-- its own quote.
struct Two { base : int }
Two.metamethods.__for = function(it, body)
  return quote
    var b = it.base
    [body(`b)]
    var c = it.base + 1
    [body(`c)]
  end
end
terra ok() : int
  var s = 0
  for x in Two { 10 } do
    var y = x
    do var y = y * 2 s = s + y end
  end
  return s
end
print(ok())
terra bad() : int
  var s = 0
  for x in Two { 1 } do
    var y = x
    var y = 2
    s = s + y
  end
  return s
end
bad:compile()
