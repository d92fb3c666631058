-- T.m selects a method statically and calls it like a function
struct V { x : int }
terra V:twice() : int return self.x * 2 end
terra V.methods.make(x : int) : V return V { x } end
terra f() : int
  var v = V.make(21)
  return V.twice(&v)
end
print(f())
