struct P { xy : int[2] }
P.metamethods.__entrymissing = macro(function(name, self)
  if name == "x" then return `self.xy[0] end
  if name == "y" then return `self.xy[1] end
end)
terra f() var p : P; p.xy[0], p.xy[1] = 3, 4; return p.x * 10 + p.y end
print(f())
