-- A callback returns a pointer cdata (or nil for NULL).
local buf = terralib.new(int[2], {5, 6})
local get = terralib.cast({bool} -> &int, function(b) if b then return terralib.cast(&int, buf) end return nil end)
terra run() : int
  var p = get(true)
  if get(false) == nil then return p[0] + p[1] end
  return -1
end
print(run())
