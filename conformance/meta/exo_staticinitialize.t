struct S { a : int }
S.metamethods.__staticinitialize = function(self)
  print("init", self, terralib.sizeof(self))
  terra self.methods.get(s : &self) return s.a end
end
terra f() var s = S { 5 }; return s:get() end
print(f())
