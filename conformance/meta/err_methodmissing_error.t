struct S { v : int }
S.metamethods.__methodmissing = macro(function(name, self) error("unknown method " .. name) end)
terra f() var s = S { 1 }
  return s:frob()
end
f()
