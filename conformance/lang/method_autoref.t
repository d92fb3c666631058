-- method calls take &receiver or @receiver as the method needs
struct C { n : int }
terra C:inc() self.n = self.n + 1 end
terra C.methods.get(self : C) : int return self.n end
terra f() : int
  var c = C { 5 }
  c:inc()
  var p = &c
  p:inc()
  return c:get() * 10 + p:get()
end
print(f())
