-- A macro whose expansion uses a struct whose __getentries fails: both
-- callbacks are named, innermost first.
struct S {}
S.metamethods.__getentries = function(self)
  error("entries unavailable")
end
local m = macro(function(x)
  return `[terralib.sizeof(S)] + x
end)
terra f(a : int) return m(a) end
f(1)
