-- long, intptr, ptrdiff and niltype are type names
print(long, intptr, ptrdiff, niltype, opaque)
print(terralib.sizeof(long), terralib.sizeof(intptr), terralib.sizeof(ptrdiff))
terra f(p : &int) : intptr return [intptr](p) end
print(f(nil))
