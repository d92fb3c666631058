struct O { v : int }
O.metamethods.__methodmissing = macro(function(name, self, ...)
  local k = #name
  return `self.v * k
end)
terra f() var o = O { 2 }; return o:abc() + o:hello() end
print(f())
