print((`1):gettype(), (`1.5):gettype(), (`true):gettype())
print((`1 + 2.5f):gettype(), (`[int8](3)):gettype())
local q = quote var x = 1 in x end
print(q:gettype())
