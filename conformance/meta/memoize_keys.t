-- terralib.memoize: a function with fixed parameters is cached by exactly
-- those arguments (a missing or extra argument makes no new entry); a
-- vararg function by all of them, nil included; only the first result is
-- returned, and nil or false results are not cached.
local calls = 0
local pair = terralib.memoize(function(a, b)
  calls = calls + 1
  return { a, b }, "second result"
end)
local p = pair(1)
print(p == pair(1, nil), p == pair(1, nil, "ignored"), p ~= pair(1, 2), calls)
print(select("#", pair(1)))

local vcalls = 0
local va = terralib.memoize(function(...)
  vcalls = vcalls + 1
  return { ... }
end)
local v = va(1)
print(v == va(1), v ~= va(1, nil), va(1, nil) == va(1, nil), vcalls)

local tries = 0
local maybe = terralib.memoize(function(x)
  tries = tries + 1
  if tries < 3 then return nil end
  return "ready " .. x
end)
print(maybe("a"), maybe("a"), maybe("a"), maybe("a"), tries)

-- israwlist: any List; a plain table only when it is a sequence.
local l = terralib.newlist { 1, 2 }
l.extra = true
print(terralib.israwlist(l), terralib.israwlist { 1, 2 }, terralib.israwlist { 1, x = 2 },
  terralib.israwlist {}, terralib.israwlist(setmetatable({}, {})), terralib.israwlist("s"))
