local size = macro(function(t) return `[terralib.sizeof(t:astype())] end)
terra f() return size(int64) + size(int8) end
print(f())
