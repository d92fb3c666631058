struct S { a : int8, b : double, c : int16 }
local l = S:getlayout()
for _, e in ipairs(l.entries) do print(e.key, e.type, e.offset) end
print(l.size, l.align)
