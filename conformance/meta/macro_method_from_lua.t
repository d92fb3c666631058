-- A macro method has no meaning outside Terra code: reaching it through a
-- value from Lua is an error, while Terra methods are callable.
struct Thing { v : int }
Thing.methods.get = terra(self : &Thing) return self.v end
Thing.methods.twice = macro(function(self) return `self.v * 2 end)
local arr = terralib.new(Thing[1], {{21}})
print(arr[0]:get())
local ok, err = pcall(function() return arr[0]:twice() end)
print(ok, (err:gsub("^.-: ", "")))
terra viaTerra() var t = Thing { 4 } return t:twice() end
print(viaTerra())
