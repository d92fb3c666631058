struct P { xy : int[2] }
P.metamethods.__entrymissing = macro(function(name, self)
  local i = name == "x" and 0 or 1
  return `self.xy[i]
end)
terra f() var p : P; p.x = 7; p.y = 8; return p.xy[0] * 10 + p.xy[1] end
print(f())
