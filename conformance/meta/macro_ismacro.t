local m = macro(function() return `1 end)
print(terralib.ismacro(m), terralib.ismacro(print), terralib.type(m))
