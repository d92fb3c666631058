-- image.mbr: DOS (MBR) partition tables with up to four primary partitions.
--
--   local d = image.mbr{
--     size = "64M",              -- disk size (bytes, or "64M", "1G", "2048S")
--     id = 0x12345678,           -- disk identifier (default: from seed)
--     seed = "name",             -- seed for the identifier
--     align = 2048,              -- alignment in sectors of partitions without start
--     partitions = {
--       { type = "efi", size = "16M", boot = true },
--       { type = 0x83, start = 34816, sectors = 20480 },  -- exact sectors
--       { type = "linux" },                               -- the rest
--     },
--   }
--   d:write("disk.img")   -- a sparse image holding the table
--   d.partitions[1]       -- {index, start, sectors, offset, bytes, ...}
--   d.writer              -- terra(path : rawstring) : int, for builders
local U = require "image.util"
local C = U.C
local M = {}

M.types = {
  fat12 = 0x01, fat16 = 0x0E, fat32 = 0x0C, ntfs = 0x07, exfat = 0x07, linux = 0x83,
  swap = 0x82, lvm = 0x8E, raid = 0xFD, efi = 0xEF, esp = 0xEF, extended = 0x0F,
  ["fat16-chs"] = 0x06, ["fat32-chs"] = 0x0B, gpt = 0xEE,
}

-- One partition table entry, exactly as on disk (16 bytes, little-endian).
struct M.Entry {
  boot : uint8; chs1 : uint8[3]; type : uint8; chs2 : uint8[3]; lba : uint32; count : uint32
}

-- chs gives the three CHS bytes of an LBA (255 heads, 63 sectors, clamped).
function M.chs(lba)
  if lba >= 1024 * 255 * 63 then return { 0xFE, 0xFF, 0xFF } end
  local c = math.floor(lba / (255 * 63))
  local h = math.floor(lba / 63) % 255
  local s = lba % 63 + 1
  return { h, s + math.floor(c / 256) * 64, c % 256 }
end

-- writetable writes the four entries, the disk identifier and the boot
-- signature into sector 0 of fd, leaving the boot code (bytes 0..439) alone.
terra M.writetable(fd : int, id : uint32, e : &M.Entry) : bool
  var sec : uint8[72]
  C.memset(&sec, 0, 72)
  @[&uint32](&sec[0]) = id
  C.memcpy(&sec[6], e, 64)
  sec[70], sec[71] = 0x55, 0xAA
  return U.pwriteall(fd, &sec[0], 72, 440)
end

local function typebyte(t, what, level)
  if type(t) == "number" and t >= 0 and t <= 255 and t == math.floor(t) then return t end
  if type(t) == "string" and M.types[t] then return M.types[t] end
  local names = {}
  for k in pairs(M.types) do names[#names + 1] = k end
  table.sort(names)
  U.fail(level + 1, "%s: unknown partition type %s (a byte 0..255 or one of %s)", what,
    type(t) == "string" and string.format("%q", t) or tostring(t), table.concat(names, ", "))
end

function M.mbr(spec)
  if type(spec) ~= "table" then U.fail(1, "image.mbr: table expected") end
  local size = U.size(spec.size, "image.mbr size", 1)
  if size % 512 ~= 0 or size < 1024 then U.fail(1, "image.mbr: size must be a multiple of 512 bytes, at least 1024") end
  local total = size / 512
  local specs = spec.partitions or {}
  if #specs > 4 then U.fail(1, "image.mbr: %d partitions, but an MBR holds four primaries", #specs) end
  local parts = U.layout("image.mbr", specs, 1, total - 1, spec.align or 2048, 1)
  local entries = {}
  for i = 1, 4 do
    local p = parts[i]
    if p then
      if p.start + p.sectors > 0x100000000 then
        U.fail(1, "%s: ends past sector 2^32, beyond what an MBR can address", p.what)
      end
      local t = typebyte(p.spec.type or "linux", p.what, 1)
      p.type = t
      p.boot = p.spec.boot and true or false
      entries[i] = { boot = p.boot and 0x80 or 0, chs1 = M.chs(p.start), type = t,
        chs2 = M.chs(p.start + p.sectors - 1), lba = p.start, count = p.sectors }
    else
      entries[i] = { boot = 0, chs1 = { 0, 0, 0 }, type = 0, chs2 = { 0, 0, 0 }, lba = 0, count = 0 }
    end
  end
  local id = spec.id or U.crc32s("mbr\0" .. tostring(spec.seed or ""))
  local d = { size = size, sectors = total, id = id, partitions = parts }
  for _, p in ipairs(parts) do p.layout = d end
  local E = constant(M.Entry[4], entries)
  d.writer = terra(path : rawstring) : int
    var fd = U.openw(path, size)
    if fd < 0 then return -1 end
    var e = E
    var ok = M.writetable(fd, id, &e[0])
    if not ok then U.report("cannot write", path) end
    C.close(fd)
    if ok then return 0 end
    return -1
  end
  function d:write(path)
    U.run(self.writer, 1, "image.mbr write " .. tostring(path), path)
    self.path = path
    return self
  end
  return d
end

return M
