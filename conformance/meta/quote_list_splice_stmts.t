local x = symbol(int, "x")
local stmts = terralib.newlist()
for i = 1, 3 do stmts:insert(quote [x] = [x] * 2 end) end
terra f() var [x] = 1; [stmts]; return [x] end
print(f())
