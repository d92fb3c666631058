-- :gettype() gives the function type; parameters and returntype are fields.
terra add(a : int, b : double) : double return a + b end
terra nothing() end
terra pred(p : &int) return p ~= nil end
print(add:gettype())
print(nothing:gettype())
print(pred:gettype())
print(add:gettype().returntype, add:gettype().parameters[1], add:gettype().parameters[2])
