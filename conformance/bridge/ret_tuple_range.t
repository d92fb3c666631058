-- unpackstruct(v, i, j) returns fields i..j (1-based); non-cdata pass through.
terra three() : {int, double, bool} return 1, 2.5, true end
print(terralib.unpackstruct(three(), 2, 3))
print(terralib.unpackstruct(three(), 2))
print(terralib.unpacktuple(three(), 1, 1))
print(terralib.unpackstruct(7))
