-- A table is not a number.
terra f(x : double) : double return x end
f({})
