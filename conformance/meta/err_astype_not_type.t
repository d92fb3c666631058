local m = macro(function(a) return `[terralib.sizeof(a:astype())] end)
terra f(x : int)
  return m(x)
end
f(1)
