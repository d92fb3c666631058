-- Errors a quote's own text has are reported when the quote is made,
-- not when it is spliced somewhere.
local function fails(f)
  local ok, err = pcall(f)
  print(ok, (tostring(err):match("[^\n]*")))
end
local co = coroutine.create(function() end)
local luafn = function() end
fails(function() return `co.field end)
fails(function() return `luafn.field end)
fails(function() return quote var untyped end end)
fails(function() return quote var [ "named" ] = 1 end end)
fails(function() return quote var typed : int end end)
