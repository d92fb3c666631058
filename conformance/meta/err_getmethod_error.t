struct S { v : int }
S.metamethods.__getmethod = function(self, name)
  if name == "ok" then return terra(s : &S) return s.v end end
  error("cannot compute method " .. name)
end
terra f() var s = S { 1 }
  var a = s:ok()
  return a + s:frob()
end
f()
