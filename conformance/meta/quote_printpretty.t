local x = symbol(int, "x")
local q = quote var [x] = 1; [x] = [x] + 2 in [x] * 3 end
q:printpretty()
