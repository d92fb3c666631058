struct S { a : int, b : double }
for i, e in ipairs(S:getentries()) do print(i, e.field, e.type) end
