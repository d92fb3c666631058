local q = quote var a = 1 end
print(q:gettype())
