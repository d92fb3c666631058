-- quote.tree is a tree object with Terra's kinds and fields.
print((`1 + 2).tree.kind, (quote var a = 1 end).tree.kind)
local x = symbol(int, "x")
local q = `[x] * (3 - 1)
local t = q.tree
print(t.kind, t.operator, #t.operands, t.operands[1].kind, t.operands[1].name, t.operands[2].kind)
print(t.operands[2].operands[1].kind, t.operands[2].operands[1].value, t:is("operator"), terralib.istree(t))
print(t.filename:match("[^/]*$"), t.linenumber)
print((`@[&int](nil)).tree.kind, (`{1, 2}).tree.kind, (`[int](2.5)).tree.kind)
terra g() var v = 2; return [ terralib.newquote((`v + 40).tree) ] end
print(g())
print(tostring((`1 + 2).tree))
