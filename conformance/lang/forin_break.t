-- break inside a generic for leaves the loop the __for quote built
struct Upto { n : int }
Upto.metamethods.__for = function(it, body)
  return quote
    var n = it.n
    for i = 0, n do [body(i)] end
  end
end
terra f() : int
  var s = 0
  for i in Upto { 100 } do
    if i == 5 then break end
    s = s + i
  end
  return s
end
print(f())
