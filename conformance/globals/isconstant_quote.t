local g = global(int, 1)
print(terralib.isconstant(`1 + 2), terralib.isconstant(`&g))
