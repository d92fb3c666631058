local function twice(e) return `e + e end
terra f(x : int) return [twice(`x)] end
print(f(5), f(-3))
