-- terralib.sizeof and the global sizeof are the same macro: callable from
-- Lua with a type, and from Terra code under either name.
struct Three { a : int8, b : int8, c : int8 }
print(terralib.sizeof(Three), sizeof(int64), terralib.sizeof == sizeof)
terra both() return terralib.sizeof(Three) * 10 + sizeof(int16) end
print(both())
