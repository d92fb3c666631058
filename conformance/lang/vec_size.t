-- vector storage rounds up to a power of two
print(terralib.sizeof(vector(float, 3)), terralib.sizeof(vector(int8, 3)))
print(terralib.sizeof(vector(int, 5)), terralib.sizeof(vector(double, 2)))
print(vector(float, 4) == vector(float, 4), tostring(vector(int, 4)))
