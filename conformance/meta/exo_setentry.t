struct R { log : int }
R.metamethods.__setentry = macro(function(name, self, v)
  return quote self.log = self.log * 10 + v end
end)
terra f() var r = R { 0 }; r.a = 1; r.b = 2; r.c = 3; return r.log end
print(f())
