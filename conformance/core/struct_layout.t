-- Structs have C layout: alignment padding between and after fields.
struct A { c : int8; i : int32; d : double; s : int16 }
print(terralib.sizeof(A))
print(terralib.offsetof(A, "c"), terralib.offsetof(A, "i"), terralib.offsetof(A, "d"), terralib.offsetof(A, "s"))
terra sz() : int return sizeof(A) end
print(sz())
