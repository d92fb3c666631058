struct O { v : int }
O.metamethods.__methodmissing = macro(function(name, self, a)
  if name == "plus" then return `self.v + a end
  return `self.v - a
end)
terra f() var o = O { 10 }; return o:plus(5) * 100 + o:minus(3) end
print(f())
