struct Box { v : int }
Box.metamethods.__cast = function(from, to, exp)
  if to == Box and from:isintegral() then return `Box { exp * 2 } end
  error("invalid cast")
end
terra take(b : Box) return b.v end
terra f() return take(21) end
print(f())
