-- a declared function can be called before it is defined
terra later :: {int} -> {int}
terra early(x : int) : int return later(x) + 1 end
terra later(x : int) : int return x * 10 end
print(early(4))
print(later:gettype())
