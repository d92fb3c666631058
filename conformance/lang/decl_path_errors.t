-- Definitions under a dotted name need tables along the way, and methods
-- need a struct; the errors say which part was wrong.
local function try(f)
  local ok, msg = pcall(f)
  print(ok, (tostring(msg):gsub("^[^:]*:%d+: ", "")))
end
local plain = {}
try(function() terra plain:twice(x : int) return 2 * x end end)
try(function() terra missing.inner.f() end end)
local count = 4
try(function() struct count.S { x : int } end)
local ns = { sub = {} }
terra ns.sub.ok() return 7 end
print(ns.sub.ok())
