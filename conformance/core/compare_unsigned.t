-- int32 meets uint32 as uint32, so -1 becomes a large unsigned value.
terra mixed(a : int, b : uint) : bool return a > b end
terra signed(a : int, b : int) : bool return a > b end
print(mixed(-1, 1), signed(-1, 1))
