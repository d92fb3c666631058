-- Integers of every width come back as Lua numbers with their value.
terra a() : int8 return -5 end
terra b() : uint8 return 250 end
terra c() : int16 return -30000 end
terra d() : uint16 return 65000 end
terra e() : int32 return -2000000000 end
terra f() : uint32 return 4000000000 end
print(a(), b(), c(), d(), e(), f())
print(type(a()), type(f()))
