struct Arr { data : int[4] }
Arr.metamethods.__apply = macro(function(self, i) return `self.data[i] end)
terra f() var a : Arr; for i = 0, 4 do a(i) = i * i end; return a(3) + a(2) end
print(f())
