-- Integral numbers up to 2^53 keep every bit as int64 and come back as numbers.
terra id(x : int64) : int64 return x end
terra neg(x : int64) : int64 return -x end
print(id(2^53), neg(2^53), type(id(12345)))
