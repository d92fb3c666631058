local function sq(e) return `e * e end
terra f(x : double) return [sq(sq(`x))] end
print(f(2))
