-- Truncated and corrupted archives give an error or fewer members, never
-- a crash or a read past the data.
local image = require "image"
local t = image.tree{ mtime = 0 }
for i = 1, 20 do t:file(string.format("f%02d", i), { data = string.rep(string.char(64 + i), 700 * i) }) end
t:symlink("l", "f01")
t:hardlink("h", "f02")
local results = {}
for _, spec in ipairs{ { "cpio" }, { "cpio", "gzip" }, { "tar" }, { "tar", "xz" } } do
  local path = os.tmpname()
  image[spec[1]]{ tree = t, compress = spec[2] }:write(path)
  local f = io.open(path, "rb")
  local whole = f:read("*a")
  f:close()
  local counts = {}
  for _, cut in ipairs{ 1, 7, 100, 511, 512, 1000, 5000, 20000, math.floor(#whole / 2), #whole - 1 } do
    local g = io.open(path, "wb")
    g:write(whole:sub(1, cut))
    g:close()
    local ok, r = pcall(image.read, path, { quiet = true })
    counts[#counts + 1] = ok and tostring(r:len()) or (r:match("image.read: [^:]*: (.*)$") or r)
  end
  -- flip bytes in the middle
  local g = io.open(path, "wb")
  g:write(whole:sub(1, 600) .. string.rep("\255", 64) .. whole:sub(665))
  g:close()
  local ok, r = pcall(image.read, path, { quiet = true })
  counts[#counts + 1] = ok and tostring(r:len()) or (r:match("image.read: [^:]*: (.*)$") or r)
  print(spec[1], spec[2] or "", #whole)
  for _, c in ipairs(counts) do print("", c) end
  os.remove(path)
end
