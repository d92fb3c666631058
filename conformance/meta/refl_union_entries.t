struct U { tag : int, union { i : int, d : double } }
local es = U:getentries()
print(#es, es[1].field, #es[2], es[2][1].field, es[2][2].field)
print(terralib.sizeof(U))
