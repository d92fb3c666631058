-- :adddefinition and :resetdefinition
terra f :: int -> int
terra impl(x : int) : int return x + 1 end
f:adddefinition(impl)
print(f(1), f:isdefined())
terra g(x : int) : int return 0 end
terra other(x : int) : int return x * 3 end
g:resetdefinition(other)
print(g(5))
