local m = macro(function() return nil end)
terra f()
  var x : int = m()
  return x
end
f()
