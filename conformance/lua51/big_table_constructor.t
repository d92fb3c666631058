-- Table constructors past 511 SETLIST batches (25,550 list items) keep
-- every item, and a Terra function with more escapes than a Lua call has
-- argument registers still gets them all.
local parts = {}
for i = 1, 30000 do parts[i] = tostring(i) end
local t = assert(loadstring("return {" .. table.concat(parts, ",") .. "}"))()
print(#t, t[25550], t[25551], t[30000])

local a, b = 1, 2
local src = {}
for i = 1, 64 * 50 * 12 - 1 do src[i] = (i % 3 == 0) and "b" or "a" end
local u = assert(loadstring("local a, b = ... return {" .. table.concat(src, ",") .. ", 99}"))(a, b)
local s = 0
for i = 1, #u do s = s + u[i] end
print(#u, s)

-- 3,000 escapes in one Terra function.
local body = {}
for i = 1, 3000 do body[i] = "s = s + [" .. i .. "]" end
local f = assert(terralib.loadstring("return terra() : int64 var s : int64 = 0 " .. table.concat(body, " ") .. " return s end"))()
print(f())
