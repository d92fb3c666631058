struct S { x : int, y : float }
local fs = S:getfields()
print(#fs, fs[1].field, fs[2].type)
