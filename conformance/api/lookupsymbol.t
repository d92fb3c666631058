-- lookupsymbol finds the JIT-compiled function holding an address (its
-- start and size); lookupline the source line, with line information.
terra work(x : int) : int
  return x * 3 + 1
end
work:setinlined(false)
work:compile()
terra find(p : &opaque, out : &terralib.SymbolInfo) : bool
  return terralib.lookupsymbol(p, out)
end
local si = terralib.new(terralib.SymbolInfo)
local base = terralib.cast(&int8, work:getpointer())
print(find(base + 1, si))
print(si.addr == terralib.cast(&opaque, base), tonumber(si.size) > 1, tonumber(si.namelength) > 0)
print(find(nil, si))
local li = terralib.new(terralib.LineInfo)
terra line(f : &opaque, p : &opaque, out : &terralib.LineInfo) : bool
  return terralib.lookupline(f, p, out)
end
if line(si.addr, base, li) then
  print(tonumber(li.linenum) >= 3 and tonumber(li.linenum) <= 5)
else
  print(true)
end
