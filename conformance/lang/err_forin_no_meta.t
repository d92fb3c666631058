struct S { a : int }
terra f() : int
  var s = S { 1 }
  for x in s do end
  return 0
end
print(f())
