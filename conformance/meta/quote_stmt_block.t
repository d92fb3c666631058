local function body(acc) return quote acc = acc + 10; acc = acc * 2 end end
terra f() var a = 1; [body(`a)]; return a end
print(f())
