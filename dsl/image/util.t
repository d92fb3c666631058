-- image.util: what the disk, partition-table and filesystem writers share.
-- Terra side: file access with holes (open, clear a range, buffered writes
-- at offsets, sparse copies) and CRC32. Lua side: sizes, errors at the
-- user's line, UTF-8 to UTF-16, seeded GUIDs, timestamps and the byte blob
-- that carries names and inline data into Terra as one constant.
local U = {}

local C = terralib.includecstring [[
#include <fcntl.h>
#include <unistd.h>
#include <string.h>
#include <stdlib.h>
#include <stdio.h>
#include <errno.h>
int fallocate(int fd, int mode, long off, long len);
]]
U.C = C

-- Flag values of the Linux ABI (x86-64 and aarch64 agree on these).
local O_RDONLY, O_RDWR, O_CREAT, O_TRUNC, O_CLOEXEC = 0, 2, 0x40, 0x200, 0x80000
local FALLOC_PUNCH = 0x03 -- FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE
local SEEK_SET, SEEK_END, SEEK_DATA, SEEK_HOLE = 0, 2, 3, 4

-- report prints "image: WHAT PATH: strerror(errno)" on stderr.
terra U.report(what : rawstring, path : rawstring)
  C.fprintf(C.stderr, "image: %s %s: %s\n", what, path, C.strerror(@C.__errno_location()))
end

-- openw opens path for writing. With size >= 0 the file is emptied first and
-- then extended to size bytes, so every byte is a hole until written.
terra U.openw(path : rawstring, size : int64) : int
  var flags = O_RDWR or O_CREAT or O_CLOEXEC
  if size >= 0 then flags = flags or O_TRUNC end
  var fd = C.open(path, flags, 420) -- 0644
  if fd < 0 then U.report("cannot open", path) return -1 end
  if size >= 0 and C.ftruncate(fd, size) ~= 0 then
    U.report("cannot size", path) C.close(fd) return -1
  end
  return fd
end

terra U.openr(path : rawstring) : int
  var fd = C.open(path, O_RDONLY or O_CLOEXEC, 0)
  if fd < 0 then U.report("cannot open", path) end
  return fd
end

terra U.filesize(fd : int) : int64
  return C.lseek(fd, 0, SEEK_END)
end

-- pwriteall writes n bytes at off, retrying short writes.
-- pathsize is the size of the file at path, or -1.
terra U.pathsize(path : rawstring) : int64
  var fd = C.open(path, O_RDONLY or O_CLOEXEC, 0)
  if fd < 0 then return -1 end
  var n = U.filesize(fd)
  C.close(fd)
  return n
end

terra U.pwriteall(fd : int, p : &uint8, n : uint64, off : int64) : bool
  while n > 0 do
    var w = C.pwrite(fd, p, n, off)
    if w <= 0 then
      if w < 0 and @C.__errno_location() == 4 then goto again end -- EINTR
      return false
    end
    p, n, off = p + w, n - w, off + w
    ::again::
  end
  return true
end

local zeros = global(uint8[65536])

-- clear makes [off, off+len) read as zeros: a punched hole where the file
-- system can, written zeros where it cannot. Past the end of the file there
-- is nothing to do.
terra U.clear(fd : int, off : int64, len : int64) : bool
  var size = U.filesize(fd)
  if off >= size then return true end
  if off + len > size then len = size - off end
  if len <= 0 or C.fallocate(fd, FALLOC_PUNCH, off, len) == 0 then return true end
  while len > 0 do
    var n : int64 = 65536
    if len < n then n = len end
    if not U.pwriteall(fd, zeros, n, off) then return false end
    off, len = off + n, len - n
  end
  return true
end

terra U.iszero(p : &uint8, n : uint64) : bool
  var w = [&uint64](p)
  var i : uint64 = 0
  while i + 8 <= n do
    if w[i / 8] ~= 0 then return false end
    i = i + 8
  end
  while i < n do
    if p[i] ~= 0 then return false end
    i = i + 1
  end
  return true
end

-- copy copies len bytes of src (from srcoff) to dst (at dstoff). Holes of
-- src are skipped with SEEK_DATA and zero blocks are not written, so the
-- destination range must already read as zeros (see clear).
terra U.copy(src : int, srcoff : int64, dst : int, dstoff : int64, len : int64) : bool
  var bufsize : int64 = 1 << 20
  var buf = [&uint8](C.malloc(bufsize))
  var stop = srcoff + len
  var ok = true
  var pos = srcoff
  while pos < stop do
    var data = C.lseek(src, pos, SEEK_DATA)
    if data < 0 then -- ENXIO: only a hole is left
      ok = @C.__errno_location() == 6
      break
    end
    if data >= stop then break end
    pos = data
    var n = stop - pos
    if n > bufsize then n = bufsize end
    var r = C.pread(src, buf, n, pos)
    if r < 0 then ok = false break end
    if r == 0 then break end
    -- write only the non-zero 4 KiB blocks
    var b : int64 = 0
    while b < r do
      var m : int64 = 4096
      if r - b < m then m = r - b end
      if not U.iszero(buf + b, m) then
        if not U.pwriteall(dst, buf + b, m, dstoff + (pos - srcoff) + b) then ok = false break end
      end
      b = b + m
    end
    if not ok then break end
    pos = pos + r
  end
  C.free(buf)
  return ok
end

-- Out batches writes at increasing offsets into one pwrite.
struct U.Out { fd : int; start : int64; len : int64; cap : int64; buf : &uint8; ok : bool }
terra U.Out:init(fd : int, cap : int64)
  self.fd, self.start, self.len, self.cap, self.ok = fd, 0, 0, cap, true
  self.buf = [&uint8](C.malloc(cap))
end
terra U.Out:flush()
  if self.len > 0 and self.ok then
    self.ok = U.pwriteall(self.fd, self.buf, self.len, self.start)
  end
  self.len = 0
end
terra U.Out:put(off : int64, p : &uint8, n : int64)
  if self.len > 0 and (off ~= self.start + self.len or self.len + n > self.cap) then self:flush() end
  if n > self.cap then
    if self.ok then self.ok = U.pwriteall(self.fd, p, n, off) end
    return
  end
  if self.len == 0 then self.start = off end
  C.memcpy(self.buf + self.len, p, n)
  self.len = self.len + n
end
terra U.Out:done() : bool
  self:flush()
  C.free(self.buf)
  return self.ok
end

-- CRC32 (IEEE 802.3, reflected, as zlib's crc32 and GPT use it).
local crctable = global(uint32[256])
terra U.crc32(crc : uint32, p : &uint8, n : uint64) : uint32
  if crctable[1] == 0 then
    for i = 0, 256 do
      var c : uint32 = i
      for k = 0, 8 do
        if (c and 1) ~= 0 then c = [uint32](0xEDB88320ULL) ^ (c >> 1) else c = c >> 1 end
      end
      crctable[i] = c
    end
  end
  crc = not crc
  for i = 0, n do crc = crctable[(crc ^ p[i]) and 0xFF] ^ (crc >> 8) end
  return not crc
end

---------------------------------------------------------------------------
-- Lua side

-- fail raises msg at the position of the user's call: level counts frames
-- above the function that calls fail (1 = its caller).
function U.fail(level, fmt, ...)
  error(string.format(fmt, ...), level + 2)
end

local units = { [""] = 1, B = 1, K = 1024, KB = 1000, KiB = 1024, M = 1024^2, MB = 1000^2,
  MiB = 1024^2, G = 1024^3, GB = 1000^3, GiB = 1024^3, T = 1024^4, TiB = 1024^4, TB = 1000^4,
  S = 512 }

-- size turns 4096, "64M", "1.5GiB" or "2048S" (sectors) into bytes.
function U.size(v, what, level)
  if type(v) == "number" then
    if v < 0 or v ~= math.floor(v) then U.fail(level + 1, "%s: bad size %s", what, tostring(v)) end
    return v
  end
  if type(v) ~= "string" then U.fail(level + 1, "%s: size expected, got %s", what, type(v)) end
  local n, u = v:match("^%s*([%d%.]+)%s*(%a*)%s*$")
  if not n or not units[u] or not tonumber(n) then
    U.fail(level + 1, "%s: bad size %q (use bytes or K, M, G, T, KB, MB, S)", what, v)
  end
  local b = tonumber(n) * units[u]
  if b ~= math.floor(b) then U.fail(level + 1, "%s: size %q is not a whole number of bytes", what, v) end
  return b
end

-- utf16 decodes UTF-8 text into a list of UTF-16 code units.
function U.utf16(s, what, level)
  local out, i, n = {}, 1, #s
  while i <= n do
    local c = s:byte(i)
    local cp, len
    if c < 0x80 then cp, len = c, 1
    elseif c >= 0xC2 and c < 0xE0 then cp, len = c - 0xC0, 2
    elseif c >= 0xE0 and c < 0xF0 then cp, len = c - 0xE0, 3
    elseif c >= 0xF0 and c < 0xF5 then cp, len = c - 0xF0, 4
    else U.fail(level + 1, "%s: %q is not UTF-8", what, s) end
    for k = 1, len - 1 do
      local d = s:byte(i + k)
      if not d or d < 0x80 or d >= 0xC0 then U.fail(level + 1, "%s: %q is not UTF-8", what, s) end
      cp = cp * 64 + (d - 0x80)
    end
    if cp >= 0x10000 then
      cp = cp - 0x10000
      out[#out + 1] = 0xD800 + math.floor(cp / 1024)
      out[#out + 1] = 0xDC00 + cp % 1024
    else
      out[#out + 1] = cp
    end
    i = i + len
  end
  return out
end

-- A blob gathers byte strings into one string, returning each one's offset;
-- equal strings are stored once.
function U.blob()
  local b = { parts = {}, len = 0, seen = {} }
  function b:add(s)
    local o = self.seen[s]
    if o then return o end
    o = self.len
    self.parts[#self.parts + 1] = s
    self.len = self.len + #s
    self.seen[s] = o
    return o
  end
  function b:constant()
    -- one spare byte so that an empty blob is still a valid pointer
    return constant(table.concat(self.parts) .. "\0")
  end
  return b
end

-- crc32 of a Lua string, on the Lua side (for seeds).
local crc32str = terra(crc : uint32, s : rawstring, n : uint64) : uint32
  return U.crc32(crc, [&uint8](s), n)
end
function U.crc32s(s, crc)
  return tonumber(crc32str(crc or 0, s, #s))
end

-- fmix is MurmurHash3's 32-bit finalizer: it spreads a CRC's bits, so
-- seeds that differ in one character give unrelated GUIDs.
local fmix = terra(h : uint32) : uint32
  h = h ^ (h >> 16)
  h = h * [uint32](0x85EBCA6BULL)
  h = h ^ (h >> 13)
  h = h * [uint32](0xC2B2AE35ULL)
  return h ^ (h >> 16)
end

-- bytes4 gives the four little-endian bytes of a 32-bit number.
local function bytes4(t, v)
  for _ = 1, 4 do t[#t + 1] = v % 256; v = math.floor(v / 256) end
end

-- seedguid derives 16 GUID bytes (on-disk order, version 4, RFC 4122 variant)
-- from a seed and a name, so rebuilding gives the same GUIDs.
function U.seedguid(seed, name)
  local t = {}
  for i = 1, 4 do bytes4(t, tonumber(fmix(U.crc32s(tostring(seed) .. "\0" .. name .. "\0" .. i)))) end
  t[8] = t[8] % 16 + 0x40   -- version 4 (high nibble of the third group)
  t[9] = t[9] % 64 + 0x80   -- variant 10xx
  return t
end

-- guidbytes parses "C12A7328-F81F-11D2-BA4B-00A0C93EC93B" into on-disk bytes
-- (the first three groups little-endian). Returns nil if malformed.
function U.guidbytes(s)
  local a, b, c, d, e = s:match("^(%x%x%x%x%x%x%x%x)%-(%x%x%x%x)%-(%x%x%x%x)%-(%x%x%x%x)%-(%x%x%x%x%x%x%x%x%x%x%x%x)$")
  if not a then return nil end
  local t = {}
  local function le(h) for i = #h - 1, 1, -2 do t[#t + 1] = tonumber(h:sub(i, i + 1), 16) end end
  local function be(h) for i = 1, #h, 2 do t[#t + 1] = tonumber(h:sub(i, i + 1), 16) end end
  le(a) le(b) le(c) be(d) be(e)
  return t
end

-- guidstring is the inverse of guidbytes.
function U.guidstring(t)
  local function h(i, j, step)
    local s = {}
    for k = i, j, step do s[#s + 1] = string.format("%02X", t[k]) end
    return table.concat(s)
  end
  return h(4, 1, -1) .. "-" .. h(6, 5, -1) .. "-" .. h(8, 7, -1) .. "-" .. h(9, 10, 1) .. "-" .. h(11, 16, 1)
end

-- epoch is SOURCE_DATE_EPOCH when set, else 1980-01-01 (the FAT epoch), so
-- builds never depend on the clock.
function U.epoch()
  local e = tonumber(os.getenv("SOURCE_DATE_EPOCH") or "")
  return e or 315532800
end

-- civil turns seconds since 1970 (UTC) into year, month, day, hour, min, sec.
function U.civil(t)
  local days = math.floor(t / 86400)
  local secs = t - days * 86400
  -- days since 1970-01-01 to a civil date (Howard Hinnant's algorithm)
  local z = days + 719468
  local era = math.floor(z / 146097)
  local doe = z - era * 146097
  local yoe = math.floor((doe - math.floor(doe / 1460) + math.floor(doe / 36524) - math.floor(doe / 146096)) / 365)
  local y = yoe + era * 400
  local doy = doe - (365 * yoe + math.floor(yoe / 4) - math.floor(yoe / 100))
  local mp = math.floor((5 * doy + 2) / 153)
  local d = doy - math.floor((153 * mp + 2) / 5) + 1
  local m = mp < 10 and mp + 3 or mp - 9
  if m <= 2 then y = y + 1 end
  return y, m, d, math.floor(secs / 3600), math.floor(secs % 3600 / 60), secs % 60
end

-- layout places a list of partition specs between sectors first and last
-- (inclusive, 512-byte sectors). A spec gives start (an exact sector) or
-- lets the partition start at the next multiple of align sectors after the
-- one before; it gives sectors (an exact count) or size (bytes or "32M"),
-- and the last one may give neither and fill the space left. Errors name
-- the partition and are raised at the user's line.
function U.layout(what, specs, first, last, align, level)
  level = level + 1
  if type(specs) ~= "table" then U.fail(level, "%s: partitions = {...} expected", what) end
  local parts, nextfree = {}, first
  for i, p in ipairs(specs) do
    if type(p) ~= "table" then U.fail(level, "%s: partition %d: table expected", what, i) end
    local name = string.format("%s: partition %d%s", what, i, p.name and (" (" .. p.name .. ")") or "")
    local start = p.start
    if start ~= nil then
      if type(start) ~= "number" or start ~= math.floor(start) or start < 0 then
        U.fail(level, "%s: start must be a sector number", name)
      end
    else
      start = math.ceil(nextfree / align) * align
    end
    local count
    if p.sectors ~= nil then
      count = p.sectors
      if type(count) ~= "number" or count ~= math.floor(count) or count <= 0 then
        U.fail(level, "%s: sectors must be a positive whole number", name)
      end
    elseif p.size ~= nil then
      local b = U.size(p.size, name, level)
      if b % 512 ~= 0 or b == 0 then U.fail(level, "%s: size %s is not a positive multiple of 512", name, tostring(p.size)) end
      count = b / 512
    elseif i == #specs then
      count = last - start + 1
      if count <= 0 then U.fail(level, "%s: no space left on the disk", name) end
    else
      U.fail(level, "%s: size or sectors expected (only the last partition may fill the rest)", name)
    end
    if start < first then U.fail(level, "%s: starts at sector %d, before the first usable sector %d", name, start, first) end
    if start + count - 1 > last then
      U.fail(level, "%s: ends at sector %d, beyond the disk (last usable sector %d)", name, start + count - 1, last)
    end
    parts[i] = { index = i, start = start, sectors = count, offset = start * 512, bytes = count * 512,
      label = p.name, spec = p, what = name }
    nextfree = start + count
  end
  local sorted = {}
  for i, p in ipairs(parts) do sorted[i] = p end
  table.sort(sorted, function(a, b) return a.start < b.start end)
  for i = 2, #sorted do
    local a, b = sorted[i - 1], sorted[i]
    if b.start < a.start + a.sectors then
      U.fail(level, "%s: partitions %d and %d overlap (sectors %d-%d and %d-%d)", what, a.index, b.index,
        a.start, a.start + a.sectors - 1, b.start, b.start + b.sectors - 1)
    end
  end
  return parts
end

-- run calls a Terra writer so that a failure raises a Lua error at the
-- user's line.
function U.run(fn, level, what, ...)
  local rc = fn(...)
  if rc ~= 0 then U.fail(level + 1, "%s failed (see the message above)", what) end
end

return U
