-- sizeof in Terra code is a uint64 constant
struct S { a : int8; b : double }
terra f() : uint64 return sizeof(S) + sizeof(int[3]) end
print(f())
print(sizeof(S), sizeof(vector(float, 3)))
