local inner = quote var a = 2 in a + 1 end
local outer = quote var b = inner in b * inner end
terra f() return outer end
print(f())
