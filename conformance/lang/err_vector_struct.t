struct S { a : int }
terra f()
  var s = S { 1 }
  var v = vector(s, s)
end
f()
