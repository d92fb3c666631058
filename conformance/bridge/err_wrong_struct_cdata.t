-- A cdata of another struct type does not convert.
struct A { x : int }
struct B { x : int }
terra f(a : A) : int return a.x end
f(terralib.new(B))
