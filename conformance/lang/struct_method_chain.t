-- methods returning pointers chain with auto-dereference
struct B { v : int }
terra B:add(n : int) : &B self.v = self.v + n return self end
terra f() : int
  var b = B { 0 }
  b:add(1):add(2):add(3)
  return b.v
end
print(f())
