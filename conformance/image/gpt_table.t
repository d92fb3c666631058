-- A GPT with all five standard types: seeded GUIDs, UTF-16 names and the
-- header CRCs, read back from the image and checked here.
local image = require "image"
local U = require "image.util"
local path = os.tmpname()
local d = image.gpt{ size = "64M", seed = "conformance", partitions = {
  { name = "bios", type = "bios", start = 34, sectors = 2014 },
  { name = "EFI system", type = "esp", size = "16M" },
  { name = "msr", type = "msr", size = "1M" },
  { name = "räid", type = "raid", size = "8M", attrs = { "legacy_boot", 60 } },
  { name = "root", type = "linux" },
} }
d:write(path)
print("disk", d.guid, d.first, d.last)
for _, p in ipairs(d.partitions) do print(p.index, p.start, p.sectors, p.typeguid, p.guid, p.label) end
local f = io.open(path, "rb")
local function at(lba, n) f:seek("set", lba * 512) return f:read(n) end
local function le(s, o, n)
  local v = 0
  for i = n, 1, -1 do v = v * 256 + s:byte(o + i) end
  return v
end
local function check(h, which)
  local crc = le(h, 16, 4)
  local zeroed = h:sub(1, 16) .. "\0\0\0\0" .. h:sub(21, 92)
  local arr = at(le(h, 72, 8), 128 * 128)
  print(which, h:sub(1, 8), "my", le(h, 24, 8), "alt", le(h, 32, 8), "entries", le(h, 72, 8),
    "header crc ok", U.crc32s(zeroed) == crc, "array crc ok", U.crc32s(arr) == le(h, 88, 4))
  return arr
end
local a1 = check(at(1, 92), "primary")
local a2 = check(at(d.sectors - 1, 92), "backup")
print("arrays equal", a1 == a2)
-- the name of entry 4, UTF-16LE
print("name4", a1:sub(3 * 128 + 57, 3 * 128 + 66) == "r\0\228\0i\0d\0\0\0")
local pm = at(0, 512)
print("protective", string.format("%02X", pm:byte(447 + 4)), le(pm, 446 + 8, 4), le(pm, 446 + 12, 4))
f:close()
os.remove(path)
