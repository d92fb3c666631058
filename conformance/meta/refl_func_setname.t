local f = terra() return 3 end
f:setname("three")
print(f.name, f:getname(), f())
