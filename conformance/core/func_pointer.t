-- Function pointers: variables of type {int} -> int, reassigned and called.
terra dbl(x : int) : int return x * 2 end
terra inc(x : int) : int return x + 1 end
terra apply(f : {int} -> int, x : int) : int return f(x) end
terra f() : int
  var g : {int} -> int = dbl
  var r = g(5)
  g = inc
  return r * 100 + g(5) + apply(dbl, 1)
end
print(f())
print(apply:gettype())
