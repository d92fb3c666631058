struct S {}
S.metamethods.__getentries = function(self) return 5 end
terra f() var s : S; return 0 end
f()
