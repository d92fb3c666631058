struct S { a : int8, b : double }
terra f() return sizeof(S) + sizeof(int) end
print(f(), terralib.sizeof(S))
