-- terra++: a C++ subset as a library. This is the module `require "cpp"`
-- returns; the class system and the standard containers live in the other
-- files of this folder and are loaded on first use.
local cpp = {}

-- Parts kept in their own modules, loaded when a program first names them.
local lazy = {
  vector = "cpp.vector",
  string = "cpp.string",
  hashmap = "cpp.hashmap",
  unique_ptr = "cpp.memory",
  shared_ptr = "cpp.memory",
  sort = "cpp.algorithm",
  find = "cpp.algorithm",
}

setmetatable(cpp, {
  __index = function(t, k)
    local m = lazy[k]
    if m == nil then return nil end
    local lib = require(m)
    local v = lib[k]
    rawset(t, k, v)
    return v
  end,
})

return cpp
