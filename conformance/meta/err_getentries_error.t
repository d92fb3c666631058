struct S {}
S.metamethods.__getentries = function(self) error("no entries today") end
terra f() var s : S; return 0 end
f()
