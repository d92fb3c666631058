-- debug.getinfo reports chunk sources the way Lua 5.1 does.
local function where(level)
  local d = debug.getinfo(level + 1, "Sl")
  return d.source, d.short_src, d.what, d.currentline
end
print(where(1))
local function inner() return debug.getinfo(1, "S") end
local d = inner()
print(d.source, d.short_src, d.what, d.linedefined)
d = debug.getinfo(print)
print(d.source, d.short_src, d.what)
local f = terralib.loadstring("return debug.getinfo(1, 'S')", "=named")
d = f()
print(d.source, d.short_src)
f = terralib.loadstring("return debug.getinfo(1, 'S')", "@other.t")
d = f()
print(d.source, d.short_src)
-- The file name of the calling chunk, as test helpers compute it.
print(debug.getinfo(1).source:sub(2))
