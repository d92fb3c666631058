-- A key type without __eq is rejected where the hashmap is instantiated.
local cpp = require "cpp"
struct Key { id : int }
terra Key:hash() : uint64 return self.id end
terra f()
  var m : cpp.hashmap(Key, int)
end
f()
