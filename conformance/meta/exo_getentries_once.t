local calls = 0
struct D {}
D.metamethods.__getentries = function(self) calls = calls + 1; return { { "a", double } } end
terra f() var d : D; d.a = 1; return d.a end
terra g() var d : D; d.a = 2; return d.a end
print(f(), g(), calls)
