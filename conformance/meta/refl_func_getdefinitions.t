terra f() return 1 end
local ds = f:getdefinitions()
print(#ds, ds[1] == f)
