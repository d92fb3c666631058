local m = macro(function(a) return a end)
m(1)
