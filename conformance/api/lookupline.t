-- Under terra -g, lookupline maps an address inside a compiled function to
-- its file and line; every address of the body maps to one of the body's
-- lines (the prologue included), never to the `terra` line.
if terralib.isdebug == 0 then
  local cmd = terralib.terrahome .. "/bin/terra -g " .. arg[0]
  local p = io.popen(cmd)
  io.write(p:read("*a"))
  p:close()
  return
end
local ffi = require("ffi")
local C = terralib.includec("stdio.h")
terra body(a : int, b : int) : int
  var x = a * b
  C.fflush(nil)
  return x + a
end
body:setinlined(false)
body:compile()
terra probe(addr : &opaque, line : &uint64, file : &rawstring) : bool
  var si : terralib.SymbolInfo
  var li : terralib.LineInfo
  if not terralib.lookupsymbol(addr, &si) then return false end
  if not terralib.lookupline(si.addr, addr, &li) then return false end
  @line = li.linenum
  @file = li.name
  return true
end
terra size(addr : &opaque) : uint64
  var si : terralib.SymbolInfo
  if terralib.lookupsymbol(addr, &si) then return si.size end
  return 0
end
local base = terralib.cast(&int8, body:getpointer())
local line, file = terralib.new(uint64[1]), terralib.new(rawstring[1])
local seen, outside = {}, 0
for i = 0, tonumber(size(base)) - 1 do
  if probe(base + i, line, file) then
    local l = tonumber(line[0])
    if l < 14 or l > 16 then outside = outside + 1 end
    seen[l] = true
    assert(ffi.string(file[0]):match("lookupline%.t$"))
  end
end
print(terralib.isdebug, seen[15], outside)
