struct S { v : int }
terra f() var s = S { 1 }
  return s:nothere()
end
f()
