local two = macro(function() return 2 end)
terra foo()
  defer two()
end
foo()
