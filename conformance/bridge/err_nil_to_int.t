-- nil converts only to pointers.
terra f(x : int) : int return x end
f(nil)
