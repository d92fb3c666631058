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

-- The class system (cpp.class) and, for `import "cpp"`, the language
-- table's fields: the statements class, interface and template.
local K = require "cpp.class"
for _, k in ipairs { "class", "field", "method", "static", "virtual", "abstract", "override",
  "constructor", "destructor", "operator", "finish", "interface", "template", "has",
  "delete", "dynamic_cast", "classname", "panic", "isclass", "isinterface", "implements",
  "issubclass", "vtable" } do
  cpp[k] = K[k]
end
local syntax = require "cpp.syntax"
cpp.name = "cpp"
cpp.entrypoints = syntax.entrypoints
cpp.keywords = syntax.keywords
cpp.statement = syntax.statement
cpp.localstatement = syntax.localstatement

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
