struct S { v : int }
S.metamethods.__staticinitialize = function(self)
  local n = #self.entries
  error("bad layout with " .. n .. " entries")
end
terra f() var s : S; s.v = 1; return s.v end
f()
