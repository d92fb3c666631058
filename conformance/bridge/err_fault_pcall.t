-- A native fault is an ordinary Lua error: pcall catches it and the program goes on.
terra bad(p : &int) : int return @p end
terra good(x : int) : int return x + 1 end
local ok, msg = pcall(bad, terralib.cast(&int, 8))
print(ok, msg:match("segmentation fault") ~= nil, msg:match("terra function bad") ~= nil)
print(good(41))
