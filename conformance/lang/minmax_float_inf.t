-- The limits of float and double are the infinities (as in Terra), and
-- math.huge is the positive infinity, as in C Lua.
print(math.huge, -math.huge, math.huge == 1 / 0, math.huge > 1.7976931348623157e308)
print(float:min(), float:max(), double:min(), double:max())
print(double:max() == math.huge, float:min() == terralib.cast(float, -math.huge))
terra lo() : float return [float:min()] end
print(lo(), lo() < -3.4e38)
