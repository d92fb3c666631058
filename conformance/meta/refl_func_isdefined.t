terra g :: int -> int
print(g:isdefined())
terra g(x : int) return x + 1 end
print(g:isdefined(), g(1))
