-- FAT32 and FAT16 boot sectors and FATs, read back from the images: the
-- geometry the layout chose, the BPB fields, the FSInfo counts and the
-- cluster chains of a file and a directory.
local image = require "image"
local function le(s, o, n)
  local v = 0
  for i = n, 1, -1 do v = v * 256 + s:byte(o + i) end
  return v
end
local files = {
  { path = "EFI/BOOT/BOOTX64.EFI", data = string.rep("MZ", 1500) }, -- 3000 bytes
  { path = "a.txt", data = "a" },
  { path = "empty.txt", data = "" },
}
for _, kind in ipairs({ 32, 16 }) do
  local path = os.tmpname()
  local fs = image.fat{ fat = kind, size = kind == 32 and "40M" or "8M", cluster = 512,
    label = "conf", seed = "fat", files = files }
  fs:write(path)
  local f = io.open(path, "rb")
  local b = f:read(512)
  print("FAT" .. kind, "clusters", fs.clusters, "free", fs.free, "reserved", fs.reserved, "fatsz", fs.fatsz,
    string.format("volid %08X", fs.volid))
  print("  jump", string.format("%02X %02X %02X", b:byte(1, 3)), "bytes/sector", le(b, 11, 2),
    "sectors/cluster", b:byte(14), "fats", b:byte(17), "root entries", le(b, 17, 2), "media",
    string.format("%02X", b:byte(22)), "sig", string.format("%02X%02X", b:byte(511, 512)))
  local ext = kind == 32 and 64 or 36
  print("  label", b:sub(ext + 8, ext + 18), "type", b:sub(ext + 19, ext + 26),
    string.format("serial %08X", le(b, ext + 3, 4)))
  if kind == 32 then
    f:seek("set", 512)
    local fsi = f:read(512)
    f:seek("set", 6 * 512)
    print("  fsinfo free", le(fsi, 488, 4), "next", le(fsi, 492, 4), "backup boot equal", f:read(512) == b)
  end
  -- the FAT: cluster chains
  f:seek("set", fs.reserved * 512)
  local eb = kind / 8
  local fat = f:read(eb * 20)
  local chain = {}
  for c = 0, 19 do chain[#chain + 1] = string.format("%X", le(fat, c * eb, eb)) end
  print("  fat", table.concat(chain, " "))
  f:close()
  os.remove(path)
end
