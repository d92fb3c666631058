local function add1(v) return quote var k = 1; v = v + k end end
terra f() var n = 0; [add1(`n)]; [add1(`n)]; [add1(`n)]; return n end
print(f())
