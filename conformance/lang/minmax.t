-- T:min() and T:max()
print(int8:min(), int8:max(), uint8:max(), int16:min())
print(int32:min(), int32:max(), uint32:max())
print(int64:max() > 9.2e18, uint64:max() > 1.8e19, int64:min() < -9.2e18)
-- floats are bounded by the infinities
print(double:max() == math.huge, float:min() == -math.huge, math.huge > 1e308)
