-- A struct holding an opaque value has no layout: allocating one from
-- Lua fails with Terra's wording.
local struct Holder { payload : opaque }
local ok, err = pcall(function() return terralib.new(Holder) end)
print(ok, err:match("attempting to use an opaque type where the layout of the type is needed") ~= nil)
local struct ByPointer { payload : &opaque }
print(terralib.sizeof(ByPointer))
