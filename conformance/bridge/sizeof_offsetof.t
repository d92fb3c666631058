-- terralib.sizeof and terralib.offsetof follow the C layout.
struct S { a : int8, b : double, c : int16 }
print(terralib.sizeof(S), terralib.offsetof(S, "a"), terralib.offsetof(S, "b"), terralib.offsetof(S, "c"))
print(terralib.sizeof(int[7]), terralib.sizeof(&S), terralib.sizeof(bool))
