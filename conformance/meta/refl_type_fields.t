local A = int[5]
print(A.type, A.N, (&double).type)
local V = vector(float, 4)
print(V.type, V.N, V:isvector())
