-- A method receiver is passed by address only when the definition wants a
-- pointer; a definition taking the struct itself matches better, both for
-- a value receiver and for a pointer one (which is dereferenced first).
struct Box { n : int }
Box.methods.which = terralib.overloadedfunction("which")
Box.methods.which:adddefinition(terra(self : &Box) return 100 end)
Box.methods.which:adddefinition(terra(self : Box) return self.n end)
Box.methods.onlyptr = terra(self : &Box) self.n = self.n + 1 return self.n end
terra run()
  var b = Box { 5 }
  var pb = &b
  return b:which() + pb:which(), b:onlyptr() + pb:onlyptr()
end
local r = run()
print(r._0, r._1)
