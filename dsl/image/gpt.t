-- image.gpt: GUID partition tables: protective MBR, primary header and
-- entry array at LBA 1 and 2, backup array and header at the end of the
-- disk, with their CRC32s. 512-byte sectors, 128 entries of 128 bytes.
--
--   local d = image.gpt{
--     size = "256M",
--     seed = "my-disk",          -- disk and partition GUIDs derive from it
--     guid = "…",                -- or an explicit disk GUID
--     align = 2048,              -- sectors; partitions without start align to it
--     partitions = {
--       { name = "EFI system", type = "esp", size = "64M" },
--       { name = "bios", type = "bios", start = 34, sectors = 2014 },
--       { name = "root", type = "linux", guid = "…", attrs = { "legacy_boot" } },
--     },
--   }
--   d:write("disk.img")       -- sparse image with both tables
--   d.partitions[i]           -- {index, start, sectors, offset, bytes, guid, typeguid, ...}
--   d.writer                  -- terra(path : rawstring) : int, for builders
--
-- type is a name of G.types or a GUID string; attrs lists bit numbers or
-- the names "required" (0), "no_block_io" (1), "legacy_boot" (2).
local U = require "image.util"
local M = require "image.mbr"
local C = U.C
local G = {}

G.types = {
  esp = "C12A7328-F81F-11D2-BA4B-00A0C93EC93B",
  linux = "0FC63DAF-8483-4772-8E79-3D69D8477DE4",
  bios = "21686148-6449-6E6F-744E-656564454649",
  raid = "A19D880F-05FC-4D3B-A006-743F0F84911E",
  msr = "E3C9E316-0B5C-4DB8-817D-F92DF00215AE",
  swap = "0657FD6D-A4AB-43C4-84E5-0933C84B4F4F",
  lvm = "E6D6D379-F507-44C2-A23C-238F2A3DF928",
  basicdata = "EBD0A0A2-B9E5-4433-87C0-68B6B72699C7",
  ["root-x86-64"] = "4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709",
  home = "933AC7E1-2EB4-4F13-B844-0E14E2AEF915",
}
local attrbits = { required = 0, no_block_io = 1, legacy_boot = 2 }

-- One entry of the partition array, exactly as on disk (128 bytes).
struct G.Entry {
  type : uint8[16]; guid : uint8[16]; first : uint64; last : uint64
  attrs : uint32[2]; name : uint16[36]
}

-- The header fields in on-disk order; the CRC covers the first 92 bytes.
struct G.Header {
  sig : uint8[8]; rev : uint32; hsize : uint32; crc : uint32; reserved : uint32
  my : uint64; alt : uint64; first : uint64; last : uint64; guid : uint8[16]
  entries : uint64; n : uint32; esize : uint32; acrc : uint32
}

local NENT, ARRAYSECTORS = 128, 32

-- writegpt writes the protective MBR, both headers and both arrays of a
-- disk of total sectors. e holds n entries; the rest of the array is zero.
terra G.writegpt(fd : int, total : uint64, guid : &uint8, e : &G.Entry, n : int,
                 pm : &M.Entry) : bool
  var arr = [&uint8](C.calloc(NENT, 128))
  C.memcpy(arr, e, n * 128)
  var h : G.Header
  C.memset(&h, 0, sizeof(G.Header))
  C.memcpy(&h.sig[0], "EFI PART", 8)
  h.rev, h.hsize = 0x00010000, 92
  h.my, h.alt = 1, total - 1
  h.first, h.last = 2 + ARRAYSECTORS, total - 2 - ARRAYSECTORS
  C.memcpy(&h.guid[0], guid, 16)
  h.entries, h.n, h.esize = 2, NENT, 128
  h.acrc = U.crc32(0, arr, NENT * 128)
  h.crc = U.crc32(0, [&uint8](&h), 92)
  var ok = M.writetable(fd, 0, pm) and
    U.pwriteall(fd, [&uint8](&h), 92, 512) and
    U.pwriteall(fd, arr, NENT * 128, 1024)
  h.my, h.alt = total - 1, 1
  h.entries = total - 1 - ARRAYSECTORS
  h.crc = 0
  h.crc = U.crc32(0, [&uint8](&h), 92)
  ok = ok and U.pwriteall(fd, arr, NENT * 128, h.entries * 512) and
    U.pwriteall(fd, [&uint8](&h), 92, (total - 1) * 512)
  C.free(arr)
  return ok
end

local function typeguid(t, what, level)
  local s = type(t) == "string" and (G.types[t] or (U.guidbytes(t) and t:upper()))
  if s then return s end
  local names = {}
  for k in pairs(G.types) do names[#names + 1] = k end
  table.sort(names)
  U.fail(level + 1, "%s: unknown partition type %s (a GUID or one of %s)", what,
    type(t) == "string" and string.format("%q", t) or tostring(t), table.concat(names, ", "))
end

local function attrwords(a, what, level)
  local lo, hi = 0, 0
  for _, b in ipairs(a or {}) do
    local bit = type(b) == "string" and attrbits[b] or b
    if type(bit) ~= "number" or bit < 0 or bit > 63 or bit ~= math.floor(bit) then
      U.fail(level + 1, "%s: bad attribute %s", what, tostring(b))
    end
    if bit < 32 then
      if math.floor(lo / 2 ^ bit) % 2 == 0 then lo = lo + 2 ^ bit end
    elseif math.floor(hi / 2 ^ (bit - 32)) % 2 == 0 then
      hi = hi + 2 ^ (bit - 32)
    end
  end
  return { lo, hi }
end

function G.gpt(spec)
  if type(spec) ~= "table" then U.fail(1, "image.gpt: table expected") end
  local size = U.size(spec.size, "image.gpt size", 1)
  if size % 512 ~= 0 then U.fail(1, "image.gpt: size must be a multiple of 512 bytes") end
  local total = size / 512
  local first, last = 2 + ARRAYSECTORS, total - 2 - ARRAYSECTORS
  if last < first then U.fail(1, "image.gpt: a disk of %d sectors has no room for partitions", total) end
  local specs = spec.partitions or {}
  if #specs > NENT then U.fail(1, "image.gpt: %d partitions, at most %d", #specs, NENT) end
  local parts = U.layout("image.gpt", specs, first, last, spec.align or 2048, 1)
  local seed = tostring(spec.seed or "")
  local diskguid
  if spec.guid then
    diskguid = U.guidbytes(spec.guid)
    if not diskguid then U.fail(1, "image.gpt: bad disk GUID %q", tostring(spec.guid)) end
  else
    diskguid = U.seedguid(seed, "disk")
  end
  local entries = {}
  for i, p in ipairs(parts) do
    local ps = p.spec
    p.typeguid = typeguid(ps.type or "linux", p.what, 1)
    local g
    if ps.guid then
      g = U.guidbytes(ps.guid)
      if not g then U.fail(1, "%s: bad GUID %q", p.what, tostring(ps.guid)) end
    else
      g = U.seedguid(seed, "partition " .. i)
    end
    p.guid = U.guidstring(g)
    local name = U.utf16(ps.name or "", p.what .. " name", 1)
    if #name > 36 then U.fail(1, "%s: name is %d UTF-16 units long, at most 36", p.what, #name) end
    for k = #name + 1, 36 do name[k] = 0 end
    entries[i] = { type = U.guidbytes(p.typeguid), guid = g, first = p.start,
      last = p.start + p.sectors - 1, attrs = attrwords(ps.attrs, p.what, 1), name = name }
  end
  local n = #entries
  if n == 0 then entries[1] = { type = {}, guid = {}, first = 0, last = 0, attrs = { 0, 0 }, name = {} } end
  local pmcount = math.min(total - 1, 0xFFFFFFFF)
  local pm = { { boot = 0, chs1 = { 0, 2, 0 }, type = 0xEE, chs2 = M.chs(pmcount), lba = 1, count = pmcount },
    { boot = 0, chs1 = { 0, 0, 0 }, type = 0, chs2 = { 0, 0, 0 }, lba = 0, count = 0 } }
  pm[3], pm[4] = pm[2], pm[2]
  local E = constant(G.Entry[#entries], entries)
  local PM = constant(M.Entry[4], pm)
  local GU = constant(uint8[16], diskguid)
  local d = { size = size, sectors = total, guid = U.guidstring(diskguid), partitions = parts,
    first = first, last = last }
  for _, p in ipairs(parts) do p.layout = d end
  d.writer = terra(path : rawstring) : int
    var fd = U.openw(path, size)
    if fd < 0 then return -1 end
    var e, pm, gu = E, PM, GU
    var ok = G.writegpt(fd, total, &gu[0], &e[0], n, &pm[0])
    if not ok then U.report("cannot write", path) end
    C.close(fd)
    if ok then return 0 end
    return -1
  end
  function d:write(path)
    U.run(self.writer, 1, "image.gpt write " .. tostring(path), path)
    self.path = path
    return self
  end
  return d
end

return G
