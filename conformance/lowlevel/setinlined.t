terra sq(x : int) return x * x end
sq:setinlined(true)
terra never(x : int) return x + 1 end
never:setinlined(false)
terra f(x : int) return sq(x) + never(x) end
print(f(3), sq(4), never(4))
