struct Counter { n : int }
Counter.metamethods.__methodmissing = macro(function(name, self)
  return quote self.n = self.n + [#name] end
end)
terra f() var c = Counter { 0 }; var p = &c; p:ab(); p:abcd(); return c.n end
print(f())
