local acc = symbol(int, "acc")
local init = quote var [acc] = 0 end
local step = quote [acc] = [acc] + 5 end
terra f() [init]; [step]; [step]; return [acc] end
print(f())
