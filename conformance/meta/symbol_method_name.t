struct S { v : int }
local name = "triple"
S.methods[name] = terra(self : &S) return self.v * 3 end
terra f() var s = S { 7 }; return s:triple() end
print(f())
