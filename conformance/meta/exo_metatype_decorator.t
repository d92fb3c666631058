local function addget(T)
  terra T:get() return self.v * 2 end
end
struct S(addget) { v : int }
terra f() var s = S { 21 }; return s:get() end
print(f())
