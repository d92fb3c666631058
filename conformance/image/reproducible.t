-- The same layout written twice gives the same bytes; SOURCE_DATE_EPOCH
-- (or mtime) fixes the timestamps, seeds fix GUIDs and volume IDs.
local image = require "image"
local function build(path)
  local d = image.gpt{ size = "48M", seed = "repro", partitions = { { name = "ESP", type = "esp" } } }
  d:write(path)
  image.fat{ fat = 32, partition = d.partitions[1], cluster = 512, label = "R", seed = "repro",
    mtime = 1700000000, files = {
      { path = "dir/ünïcödé name.txt", data = "x" },
      { path = "a", data = string.rep("\0", 5000) .. "tail" },
    } }:write()
end
local a, b = os.tmpname(), os.tmpname()
build(a)
build(b)
local function slurp(p) local f = io.open(p, "rb") local s = f:read("*a") f:close() return s end
local sa, sb = slurp(a), slurp(b)
print("size", #sa, "identical", sa == sb)
-- the date of 2023-11-14 22:13:20 UTC in a directory entry: time 0xB1AA, date 0x576E
print("has date", sa:find("\170\177\110\87", 1, true) ~= nil)
os.remove(a)
os.remove(b)
