local m = macro(function(a) error("bad macro argument") end)
terra f()
  return m(1)
end
f()
