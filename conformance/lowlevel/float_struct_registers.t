-- A small struct of floats travels in SSE registers (System V), and a
-- function adding two of them compiles to packed adds, as clang's does,
-- even though it is tiny and straight-line.
struct V2 { x : float; y : float }
struct Quad { a : V2; b : V2 }
terra addq(p : Quad, q : Quad) : Quad
  return Quad { V2 { p.a.x + q.a.x, p.a.y + q.a.y }, V2 { p.b.x + q.b.x, p.b.y + q.b.y } }
end
local r = addq({{1, 2}, {3, 4}}, {{10, 20}, {30, 40}})
print(r.a.x, r.a.y, r.b.x, r.b.y)
terra size() : uint64
  var si : terralib.SymbolInfo
  if not terralib.lookupsymbol(addq, &si) then return 0 end
  return si.size
end
local n = tonumber(size())
print(n > 0 and n < 16)
