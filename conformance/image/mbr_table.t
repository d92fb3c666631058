-- An MBR with aligned, exact-sector and fill-the-rest partitions, read back
-- byte by byte from the image.
local image = require "image"
local path = os.tmpname()
local d = image.mbr{ size = "64M", id = 0x1234ABCD, partitions = {
  { type = "efi", size = "16M", boot = true },
  { type = 0x83, start = 40000, sectors = 20480 },
  { type = "linux" },
} }
d:write(path)
print("align", image.align(1), image.align(2048), image.align(2049), image.align(100, 8))
for _, p in ipairs(d.partitions) do
  print("layout", p.index, p.start, p.sectors, p.offset, p.bytes, string.format("%02x", p.type), p.boot)
end
local f = io.open(path, "rb")
local size = f:seek("end")
f:seek("set", 0)
local s = f:read(512)
f:close()
os.remove(path)
local function le(o, n)
  local v = 0
  for i = n, 1, -1 do v = v * 256 + s:byte(o + i) end
  return v
end
print("size", size, "id", string.format("%08X", le(440, 4)), "sig", string.format("%02X%02X", s:byte(511, 512)))
for i = 0, 3 do
  local o = 446 + 16 * i
  print("entry", i + 1, string.format("boot=%02x type=%02x", s:byte(o + 1), s:byte(o + 5)), le(o + 8, 4), le(o + 12, 4))
end
