struct V { x : int }
V.metamethods.__typename = function(self) return "Vec2i" end
print(tostring(V))
