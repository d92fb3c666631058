-- >> is arithmetic on signed and logical on unsigned integers
terra f(a : int, b : uint) : {int, uint, int}
  return a >> 2, b >> 28, a << 3
end
local r = f(-16, 4294967295)
print(r._0, r._1, r._2)
terra g(x : int8) : int8 return x >> 1 end
print(g(-128))
