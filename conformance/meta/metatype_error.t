-- An error raised by a struct's metatype function is reported at the Lua
-- line that raised it, with a note at the struct it was defining.
local function needsfields(T)
  if #T.entries == 0 then
    error("struct " .. tostring(T) .. " needs at least one field")
  end
end
struct Empty(needsfields) { }
print("not reached")
