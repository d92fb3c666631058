-- Allocating an opaque value, or a struct holding one, fails and names
-- the type whose layout was needed; a later use of a struct whose layout
-- failed says so, as Terra does.
local function msg(f)
  local ok, err = pcall(f)
  return ok, (tostring(err):gsub("^.-: ", ""))
end
local struct Handle { raw : opaque }
print(msg(function() return terralib.new(Handle) end))
print(msg(function() return terralib.new(opaque) end))
print(msg(function() return terralib.sizeof(Handle) end))
