-- sizeof in Terra and terralib.sizeof in Lua agree.
terra s() : int return sizeof(int8) + sizeof(double) * 10 + sizeof(&int) * 100 end
print(s())
print(terralib.sizeof(int8), terralib.sizeof(int), terralib.sizeof(double), terralib.sizeof(&int), terralib.sizeof(int[5]))
