struct G { v : int }
G.metamethods.__getmethod = function(self, name)
  local m = name:match("^add(%d+)$")
  local k = m and tonumber(m)
  if k then return terra(g : &G) return g.v + k end end
  return G.methods[name]
end
terra G:get() return self.v end
terra f() var g = G { 10 }; return g:add5() + g:add20() + g:get() end
print(f())
