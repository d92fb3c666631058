-- strict: reading or assigning an undeclared global (one not assigned
-- at the main chunk's top level) is an error. terrac does not enforce
-- this unless the program asks for it with require "strict" (Terra
-- always does); either way the checks live in the global table's
-- metatable, Strict, so `Strict.__index, Strict.__newindex = nil, nil`
-- turns them off again.
local mt = getmetatable(_G)
if mt == nil then
  mt = {}
  setmetatable(_G, mt)
end
rawset(_G, "Strict", mt)
mt.strict = true
mt.__declared = mt.__declared or {}
local function what()
  local d = debug.getinfo(3, "S")
  return d and d.what or "C"
end
mt.__newindex = function(t, n, v)
  if not mt.__declared[n] then
    local w = what()
    if mt.strict and w ~= "main" and w ~= "C" then
      error("assign to undeclared variable '" .. n .. "'", 2)
    end
    mt.__declared[n] = true
  end
  rawset(t, n, v)
end
mt.__index = function(t, n)
  if mt.strict and not mt.__declared[n] and what() ~= "C" then
    error("variable '" .. n .. "' is not declared", 2)
  end
  return rawget(t, n)
end
return true
