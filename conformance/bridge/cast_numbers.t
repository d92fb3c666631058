-- terralib.cast converts numbers with C's rules.
print(terralib.cast(int8, 300), terralib.cast(uint8, -1), terralib.cast(int, 3.99), terralib.cast(float, 0.1) == 0.1)
print(terralib.cast(bool, 0), terralib.cast(double, 7), terralib.cast(int64, -1), terralib.cast(uint64, -1))
