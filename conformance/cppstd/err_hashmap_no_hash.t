-- A key type with __eq but no hash method is rejected at the Lua line
-- that instantiates the hashmap.
local cpp = require "cpp"
struct Key { id : int }
Key.metamethods.__eq = macro(function(a, b) return `a.id == b.id end)
local M = cpp.hashmap(Key, double)
