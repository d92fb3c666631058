-- Method receivers: a value gets & added, a pointer gets @ added.
struct Acc { total : int }
terra Acc:add(v : int) : &Acc
  self.total = self.total + v
  return self
end
terra f() : int
  var a = Acc { 0 }
  var p = &a
  p:add(5)
  a:add(6):add(7)
  return a.total
end
print(f())
