-- The message a pcall sees names the callback, as Terra's tooling expects.
local ok, msg = pcall(function()
  local function fail(T) error("bad " .. tostring(T)) end
  local struct S(fail) { x : int }
end)
print(ok, msg:match("Errors reported during invoking metatype function") ~= nil)
print(msg:match("^[^\n]*"))
