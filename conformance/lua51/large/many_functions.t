-- In a folder of its own: too slow (seconds) for the fuzz corpus, which
-- seeds from conformance/*/*.t with a 2 s limit.
-- One function with more nested functions than CLOSURE's 18-bit operand
-- counts (262,143): each closure is still the one written at its place,
-- with its upvalues (the words that bind them follow the prototype
-- number). 100,000 Terra definitions in one file need this: each brings
-- its type and name holes as closures.
local n = 263000
local src = {"local a, b = ... return {"}
for i = 1, n do src[#src + 1] = "function() return a + b + " .. i .. " end," end
src[#src + 1] = "}"
local u = assert(loadstring(table.concat(src)))(10, 20)
local bad = 0
for i = 1, n do if u[i]() ~= 30 + i then bad = bad + 1 end end
print(#u, u[1](), u[262142](), u[262143](), u[n](), bad)
