struct D {}
D.metamethods.__getentries = function(self)
  local es = terralib.newlist()
  for i = 1, 3 do es:insert { field = "f"..i, type = int } end
  return es
end
terra f() var d : D; d.f1, d.f2, d.f3 = 1, 2, 3; return d.f1 + d.f2 * d.f3 end
print(f(), terralib.sizeof(D))
