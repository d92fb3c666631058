-- terra S:m() defines a method with self : &S, called as s:m().
struct Counter { n : int }
terra Counter:inc() self.n = self.n + 1 end
terra Counter:get() : int return self.n end
terra run() : int
  var c = Counter { 0 }
  c:inc()
  c:inc()
  c:inc()
  return c:get()
end
print(run())
print(Counter.methods.get:gettype())
