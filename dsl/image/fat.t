-- image.fat: FAT32 and FAT16 file systems holding a tree of files, with
-- VFAT long names. The Lua side lays the whole file system out (geometry,
-- short names, cluster of every file and directory, byte offset of every
-- directory entry); the Terra side only encodes and writes bytes.
--
--   local fs = image.fat{
--     fat = 32,                 -- 32 or 16
--     size = "64M",             -- or partition = d.partitions[1] (size, hidden sectors)
--     cluster = 4096,           -- bytes per cluster (default: the largest of
--                               -- 4096..512 that gives enough clusters)
--     label = "BOOT",           -- volume label (upper-cased, at most 11 bytes)
--     seed = "x",               -- volume ID derives from it (or volid = 0x1234abcd)
--     mtime = 1700000000,       -- time of every entry (default SOURCE_DATE_EPOCH,
--                               -- else 1980-01-01)
--     files = {                 -- the tree: a list of entries
--       { path = "EFI/BOOT", dir = true },
--       { path = "EFI/BOOT/BOOTX64.EFI", host = "build/grubx64.efi" },
--       { path = "loader/entries/ärger.conf", data = "title x\n", mtime = 1700000000 },
--       { path = "ro.txt", data = "x", mode = tonumber("444", 8) },  -- read-only
--     },
--   }
--   fs:write("esp.img")        -- a sparse file of fs.size bytes
--   fs:write()                 -- with partition =: into that disk image, in place
--   fs:write("disk.img", off)  -- into an existing image at byte offset off
--   fs.writer                  -- terra(path : rawstring, off : int64, create : bool) : int
--
-- Entries: path uses "/" and may not hold "." or ".." components; parent
-- directories are created as needed; data is a string of bytes, host a file
-- read when the image is written (its size must not change in between).
-- mode: only the owner-write bit is used (clear = read-only attribute).
local U = require "image.util"
local T = require "image.tree"
local C = U.C
local F = {}

-- A directory entry to encode: a short entry (its 11-byte name at byte
-- short of the blob), preceded by LFN entries when nlfn > 0 (the long name,
-- nlfn bytes of UTF-8 at byte lfn of the blob).
struct F.Ent {
  off : uint64; lfn : uint64; short : uint64; cluster : uint32; size : uint32
  time : uint16; date : uint16; nlfn : uint16; attr : uint8
}
-- File contents: size bytes at fs offset off, from the blob (host = false)
-- or from the host file whose NUL-terminated name is at src in the blob.
struct F.File { off : uint64; size : uint64; src : uint64; host : bool }
-- A cluster chain start, start+1, ..., start+count-1.
struct F.Run { start : uint32; count : uint32 }
-- The geometry of the boot sector.
struct F.Params {
  fat32 : bool; total : uint64; spc : uint32; reserved : uint32; fatsz : uint32
  rootents : uint32; hidden : uint32; volid : uint32; clusters : uint32
  free : uint32; nextfree : uint32; label : uint8[11]
}

local put16 = macro(function(p, o, v) return quote @[&uint16]([&uint8](p) + o) = v end end)
local put32 = macro(function(p, o, v) return quote @[&uint32]([&uint8](p) + o) = v end end)

-- bootsector writes the boot sector into b (512 bytes, zeroed).
terra F.bootsector(b : &uint8, p : &F.Params)
  b[0], b[2] = 0xEB, 0x90
  C.memcpy(b + 3, "TERRAC  ", 8)
  put16(b, 11, 512)
  b[13] = p.spc
  put16(b, 14, p.reserved)
  b[16] = 2
  put16(b, 17, p.rootents)
  if p.total < 65536 and not p.fat32 then put16(b, 19, p.total) else put32(b, 32, p.total) end
  b[21] = 0xF8
  put16(b, 24, 63)
  put16(b, 26, 255)
  put32(b, 28, p.hidden)
  var ext = 36
  if p.fat32 then
    put32(b, 36, p.fatsz)
    put32(b, 44, 2)  -- root cluster
    put16(b, 48, 1)  -- FSInfo sector
    put16(b, 50, 6)  -- backup boot sector
    ext = 64
  else
    put16(b, 22, p.fatsz)
  end
  b[ext] = 0x80
  b[ext + 2] = 0x29
  put32(b, ext + 3, p.volid)
  C.memcpy(b + ext + 7, &p.label[0], 11)
  if p.fat32 then C.memcpy(b + ext + 18, "FAT32   ", 8) else C.memcpy(b + ext + 18, "FAT16   ", 8) end
  var code = ext + 26
  b[1] = code - 2
  -- not bootable: int 18h (next boot device), then halt
  b[code], b[code + 1], b[code + 2], b[code + 3] = 0xCD, 0x18, 0xEB, 0xFE
  b[510], b[511] = 0x55, 0xAA
end

-- lfnsum is the checksum of a short name stored in its LFN entries.
terra F.lfnsum(s : &uint8) : uint8
  var sum : uint8 = 0
  for i = 0, 11 do sum = ((sum and 1) << 7) + (sum >> 1) + s[i] end
  return sum
end

-- utf16 decodes n bytes of UTF-8 (checked by the layout) into UTF-16
-- units and returns their number.
terra F.utf16(out : &uint16, s : &uint8, n : int) : int
  var i, k = 0, 0
  while i < n do
    var c = [uint32](s[i])
    var cp : uint32
    var l : int
    if c < 0x80 then cp, l = c, 1
    elseif c < 0xE0 then cp, l = c and 0x1F, 2
    elseif c < 0xF0 then cp, l = c and 0x0F, 3
    else cp, l = c and 0x07, 4 end
    for j = 1, l do cp = (cp << 6) or (s[i + j] and 0x3F) end
    if cp >= 0x10000 then
      cp = cp - 0x10000
      out[k], out[k + 1] = 0xD800 + (cp >> 10), 0xDC00 + (cp and 0x3FF)
      k = k + 2
    else
      out[k] = cp
      k = k + 1
    end
    i = i + l
  end
  return k
end

-- encode writes the LFN entries and the short entry of e into out (room
-- for 21 entries) and returns the number of bytes.
terra F.encode(out : &uint8, e : &F.Ent, blob : &uint8) : int
  var name : uint16[258]
  var n = F.utf16(&name[0], blob + e.lfn, e.nlfn)
  var short = blob + e.short
  var slots = (n + 12) / 13
  var sum = F.lfnsum(short)
  C.memset(out, 0, 32 * (slots + 1))
  for k = 0, slots do
    var ord = slots - k -- stored from the last part of the name to the first
    var d = out + 32 * k
    d[0] = ord
    if k == 0 then d[0] = ord or 0x40 end
    d[11], d[13] = 0x0F, sum
    for j = 0, 13 do
      var i = (ord - 1) * 13 + j
      var u : uint16 = 0xFFFF
      if i < n then u = name[i] elseif i == n then u = 0 end
      var at = 1 + 2 * j
      if j >= 5 then at = 14 + 2 * (j - 5) end
      if j >= 11 then at = 28 + 2 * (j - 11) end
      d[at], d[at + 1] = u and 0xFF, u >> 8
    end
  end
  var d = out + 32 * slots
  C.memcpy(d, short, 11)
  d[11] = e.attr
  put16(d, 14, e.time)
  put16(d, 16, e.date)
  put16(d, 18, e.date)
  put16(d, 20, e.cluster >> 16)
  put16(d, 22, e.time)
  put16(d, 24, e.date)
  put16(d, 26, e.cluster and 0xFFFF)
  put32(d, 28, e.size)
  return 32 * (slots + 1)
end

-- writefat builds the FAT from the runs and writes both copies.
terra F.writefat(fd : int, base : int64, p : &F.Params, runs : &F.Run, nruns : int, used : uint32) : bool
  var eb : uint64 = 2
  if p.fat32 then eb = 4 end
  var bytes = ((used * eb + 511) / 512) * 512
  var fat = [&uint8](C.calloc(bytes, 1))
  var eoc : uint32 = 0xFFFF
  if p.fat32 then
    eoc = 0x0FFFFFFF
    put32(fat, 0, 0x0FFFFFF8) put32(fat, 4, 0x0FFFFFFF)
  else
    put16(fat, 0, 0xFFF8) put16(fat, 2, 0xFFFF)
  end
  for r = 0, nruns do
    var s, c = runs[r].start, runs[r].count
    for i = 0, c do
      var v = s + i + 1
      if i == c - 1 then v = eoc end
      if p.fat32 then put32(fat, (s + i) * 4, v) else put16(fat, (s + i) * 2, v) end
    end
  end
  var ok = U.pwriteall(fd, fat, bytes, base + p.reserved * 512) and
           U.pwriteall(fd, fat, bytes, base + (p.reserved + p.fatsz) * 512)
  C.free(fat)
  return ok
end

-- writefs writes a whole file system at byte base of fd, which must read
-- as zeros there.
terra F.writefs(fd : int, base : int64, p : &F.Params, runs : &F.Run, nruns : int, used : uint32,
                ents : &F.Ent, nents : int, files : &F.File, nfiles : int, blob : &uint8) : bool
  var sec : uint8[512]
  C.memset(&sec[0], 0, 512)
  F.bootsector(&sec[0], p)
  var ok = U.pwriteall(fd, &sec[0], 512, base)
  if p.fat32 then
    ok = ok and U.pwriteall(fd, &sec[0], 512, base + 6 * 512)
    C.memset(&sec[0], 0, 512)
    put32(&sec[0], 0, 0x41615252)
    put32(&sec[0], 484, 0x61417272)
    put32(&sec[0], 488, p.free)
    put32(&sec[0], 492, p.nextfree)
    put32(&sec[0], 508, 0xAA550000)
    ok = ok and U.pwriteall(fd, &sec[0], 512, base + 512) and U.pwriteall(fd, &sec[0], 512, base + 7 * 512)
  end
  ok = ok and F.writefat(fd, base, p, runs, nruns, used)
  var out : U.Out
  out:init(fd, 1 << 20)
  var tmp : uint8[32 * 21]
  for i = 0, nents do
    var n = F.encode(&tmp[0], &ents[i], blob)
    out:put(base + ents[i].off, &tmp[0], n)
  end
  for i = 0, nfiles do
    var f = &files[i]
    if not f.host then
      out:put(base + f.off, blob + f.src, f.size)
    else
      out:flush()
      var name = [rawstring](blob + f.src)
      var src = U.openr(name)
      if src < 0 then ok = false break end
      if U.filesize(src) ~= f.size then
        C.fprintf(C.stderr, "image: %s changed size since the layout was made\n", name)
        C.close(src) ok = false break
      end
      ok = ok and U.copy(src, 0, fd, base + f.off, f.size)
      C.close(src)
    end
  end
  return out:done() and ok
end

---------------------------------------------------------------------------
-- Lua side: the layout

local SHORTOK = "[A-Z0-9!#$%%&'()@^_`{}~%-]"

-- timestamp gives FAT time and date words for seconds since 1970 (UTC),
-- clamped to the years FAT can hold.
local timestamp0
local stamps = {}
local function timestamp(t)
  local s = stamps[t]
  if s then return s[1], s[2] end
  local tm, dt = timestamp0(t)
  stamps[t] = { tm, dt }
  return tm, dt
end
function timestamp0(t)
  local y, m, d, h, mi, s = U.civil(t)
  if y < 1980 then return 0, 33 end
  if y > 2107 then y, m, d, h, mi, s = 2107, 12, 31, 23, 59, 58 end
  return h * 2048 + mi * 32 + math.floor(s / 2), (y - 1980) * 512 + m * 32 + d
end

-- exact83 gives the 11-byte short name if name already is a valid upper-case
-- 8.3 name, else nil.
local function exact83(name)
  if #name > 12 then return nil end
  local base, ext = name:match("^([^%.]+)%.?([^%.]*)$")
  if not base or #base > 8 or #ext > 3 or (name:sub(-1) == ".") then return nil end
  if base:gsub(SHORTOK, "") ~= "" or ext:gsub(SHORTOK, "") ~= "" then return nil end
  return base .. string.rep(" ", 8 - #base) .. ext .. string.rep(" ", 3 - #ext)
end

-- shortchars maps a name part to short-name characters: upper case, no
-- spaces, '_' for other bytes and for each UTF-8 sequence.
local okbyte = {}
for c in ("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'()@^_`{}~-"):gmatch(".") do okbyte[c:byte()] = true end
local function shortchars(s)
  local out = {}
  for i = 1, #s do
    local b = s:byte(i)
    if b >= 97 and b <= 122 then b = b - 32 end
    if okbyte[b] then out[#out + 1] = b
    elseif b ~= 32 and (b < 0x80 or b >= 0xC0) then out[#out + 1] = 95 end
  end
  return string.char(unpack(out))
end

-- lastof is the position of the last plain occurrence of c in s, or nil.
local function lastof(s, c)
  local at, i = nil, s:find(c, 1, true)
  while i do at, i = i, s:find(c, i + 1, true) end
  return at
end

-- skipdots drops leading dots.
local function skipdots(s)
  local i = 1
  while s:byte(i) == 46 do i = i + 1 end
  return i == 1 and s or s:sub(i)
end

-- shortname makes a unique 8.3 name for a long name ("~N" tails).
local function shortname(name, used)
  local dot = lastof(name, ".")
  local stem, ext = name, ""
  if dot and skipdots(name:sub(1, dot - 1)) ~= "" then stem, ext = name:sub(1, dot - 1), name:sub(dot + 1) end
  stem = shortchars(skipdots(stem))
  ext = shortchars(ext):sub(1, 3)
  if stem == "" then stem = "_" end
  local function make(base) return base .. string.rep(" ", 8 - #base) .. ext .. string.rep(" ", 3 - #ext) end
  -- only the case differs: keep the name without a tail
  if #stem <= 8 and not name:find(" ", 1, true) and name:upper() == (ext ~= "" and stem .. "." .. ext or stem) then
    local s = make(stem)
    if not used[s] then return s end
  end
  -- the next tail to try for this stem is remembered under a key no
  -- 11-byte short name can equal
  local key = "\0" .. stem .. "." .. ext
  for n = used[key] or 1, 999999 do
    local tail = "~" .. n
    local s = make(stem:sub(1, 8 - #tail) .. tail)
    if not used[s] then used[key] = n + 1 return s end
  end
end

-- Characters no FAT name may hold ('/' separates names).
local BAD = '[%z\1-\31"*:<>?\\|\127]'

-- fatentries turns an image.tree into image.fat's list of entries. FAT
-- has no links, owners or special files: a hard link becomes a copy of
-- its file; symlinks, devices and FIFOs are errors.
local function fatentries(t, level)
  local out = {}
  for _, e in ipairs(t:entries()) do
    if e.kind == "hardlink" then
      local f = t:get(e.target)
      out[#out + 1] = { path = e.path, data = f.data, host = f.host, mtime = e.mtime }
    elseif e.kind == "file" or e.kind == "dir" then
      out[#out + 1] = e
    else
      U.fail(level + 1, "image.fat: %s: FAT cannot hold a %s", e.path, e.kind)
    end
  end
  return out
end

-- tree turns the list of entries into nested directories. Parents are
-- found by their path, so each directory is split only once.
local function tree(files, level)
  level = level + 1
  local root = { dir = true, children = {}, byname = {}, path = "" }
  if T.istree(files) then files = fatentries(files, level) end
  if type(files) ~= "table" then U.fail(level, "image.fat: files = {...} expected") end
  local dirs = { [""] = root }
  local function dirof(path, what)
    local d = dirs[path]
    if d then return d end
    local cut = lastof(path, "/")
    local parent = dirof(cut and path:sub(1, cut - 1) or "", what)
    local name = cut and path:sub(cut + 1) or path
    local c = parent.byname[name]
    if c and not c.dir then U.fail(level + 1, "image.fat: %s: %s is a file, not a directory", what, c.path) end
    c = { dir = true, children = {}, byname = {}, name = name, path = path }
    parent.byname[name] = c
    parent.children[#parent.children + 1] = c
    dirs[path] = c
    return c
  end
  for i, e in ipairs(files) do
    if type(e) ~= "table" or type(e.path) ~= "string" then
      U.fail(level, "image.fat: files[%d]: {path = ..., data = | host = | dir = true} expected", i)
    end
    local p = e.path
    if p:find("//", 1, true) or p:sub(1, 1) == "/" or p:sub(-1) == "/" then
      p = p:gsub("/+", "/"):gsub("^/", ""):gsub("/$", "")
    end
    if p == "" then U.fail(level, "image.fat: files[%d]: empty path", i) end
    if ("/" .. p):find("/.", 1, true) and ("/" .. p .. "/"):find("/%.%.?/") then U.fail(level, "image.fat: %s: '.' and '..' are not allowed in paths", e.path) end
    if p:find(BAD) then U.fail(level, "image.fat: %s: a FAT name cannot hold control characters or any of \"*/:<>?\\|", e.path) end
    if (p .. "/"):find("./", 1, true) or (p .. "/"):find(" /", 1, true) then U.fail(level, "image.fat: %s: a FAT name cannot end in '.' or ' '", e.path) end
    if e.dir then
      local d = dirof(p, e.path)
      d.mtime, d.mode = e.mtime, e.mode
    else
      local cut = lastof(p, "/")
      local parent = dirof(cut and p:sub(1, cut - 1) or "", e.path)
      local name = cut and p:sub(cut + 1) or p
      if parent.byname[name] then U.fail(level, "image.fat: %s: given twice", e.path) end
      local node = { name = name, path = p, mtime = e.mtime, mode = e.mode }
      if e.data ~= nil then
        if type(e.data) ~= "string" then U.fail(level, "image.fat: %s: data must be a string", e.path) end
        node.data, node.size = e.data, #e.data
      elseif e.host ~= nil then
        local n = type(e.host) == "string" and tonumber(U.pathsize(e.host)) or -1
        if n < 0 then U.fail(level, "image.fat: %s: cannot open host file %s", e.path, tostring(e.host)) end
        node.host, node.size = e.host, n
      else
        U.fail(level, "image.fat: %s: data, host or dir = true expected", e.path)
      end
      if node.size > 0xFFFFFFFF then U.fail(level, "image.fat: %s: %d bytes, FAT files hold less than 4 GiB", e.path, node.size) end
      parent.byname[name] = node
      parent.children[#parent.children + 1] = node
    end
  end
  return root
end

-- geometry solves the FAT size and cluster count for a cluster size.
local function geometry(fat32, total, spc)
  local reserved = fat32 and 32 or 4
  local rootsecs = fat32 and 0 or 32
  local eb = fat32 and 4 or 2
  local fatsz = 1
  while true do
    local clusters = math.floor((total - reserved - 2 * fatsz - rootsecs) / spc)
    if clusters < 1 then return nil end
    local need = math.ceil((clusters + 2) * eb / 512)
    if need <= fatsz then
      return { reserved = reserved, rootsecs = rootsecs, fatsz = fatsz, clusters = clusters, spc = spc,
        data = reserved + 2 * fatsz + rootsecs }
    end
    fatsz = need
  end
end

local MINCLUSTERS = { [16] = 4085, [32] = 65525 }
local MAXCLUSTERS = { [16] = 65524, [32] = 0x0FFFFFF5 }

function F.fat(spec)
  if type(spec) ~= "table" then U.fail(1, "image.fat: table expected") end
  local kind = spec.fat or 32
  if kind ~= 32 and kind ~= 16 then U.fail(1, "image.fat: fat = 32 or 16 expected, got %s", tostring(kind)) end
  local fat32 = kind == 32
  local part = spec.partition
  local size = spec.size and U.size(spec.size, "image.fat size", 1) or (part and part.bytes)
  if not size then U.fail(1, "image.fat: size or partition expected") end
  if part and size > part.bytes then
    U.fail(1, "image.fat: size %d is larger than the partition (%d bytes)", size, part.bytes)
  end
  if size % 512 ~= 0 then U.fail(1, "image.fat: size must be a multiple of 512 bytes") end
  local total = size / 512
  if total > 0xFFFFFFFF then U.fail(1, "image.fat: size is too large") end
  -- cluster size: given, or the largest of 4096..512 with enough clusters
  local g
  local function fits(gg) return gg and gg.clusters >= MINCLUSTERS[kind] and gg.clusters <= MAXCLUSTERS[kind] end
  if spec.cluster then
    local cb = U.size(spec.cluster, "image.fat cluster", 1)
    local spc = cb / 512
    if spc < 1 or spc > 128 or math.floor(math.log(spc) / math.log(2) + 0.5) ~= math.log(spc) / math.log(2) then
      U.fail(1, "image.fat: cluster size %d is not a power of two from 512 to 65536", cb)
    end
    g = geometry(fat32, total, spc)
    if not fits(g) then
      U.fail(1, "image.fat: FAT%d needs %d to %d clusters; %d bytes with %d-byte clusters give %d",
        kind, MINCLUSTERS[kind], MAXCLUSTERS[kind], size, cb, g and g.clusters or 0)
    end
  else
    for _, spc in ipairs({ 8, 4, 2, 1 }) do
      g = geometry(fat32, total, spc)
      if fits(g) then break end
      g = nil
    end
    if not g then
      local g1 = geometry(fat32, total, 1)
      U.fail(1, "image.fat: FAT%d needs at least %d clusters; %d bytes give %d with 512-byte clusters",
        kind, MINCLUSTERS[kind], size, g1 and g1.clusters or 0)
    end
  end
  local cbytes = g.spc * 512
  local function coff(c) return (g.data + (c - 2) * g.spc) * 512 end

  local root = tree(spec.files or {}, 1)
  local deftime = spec.mtime or U.epoch()
  local label = spec.label and tostring(spec.label):upper() or nil
  if label and (#label > 11 or label:find('[%z\1-\31"*+,./:;<=>?\\|%[%]\127-\255]')) then
    U.fail(1, "image.fat: label %q: at most 11 ASCII characters, no punctuation of \"*+,./:;<=>?[\\]|", label)
  end

  -- names and slot counts, directory by directory; dirs in breadth-first order
  local blob = U.blob()
  local dirs, queue = {}, { root }
  while #queue > 0 do
    local d = table.remove(queue, 1)
    dirs[#dirs + 1] = d
    table.sort(d.children, function(a, b) return a.name < b.name end)
    local used, folded = {}, {}
    local slots = (d == root) and ((fat32 and label) and 1 or 0) or 2
    for _, c in ipairs(d.children) do
      local low = c.name:lower()
      local other = folded[low]
      if other then U.fail(1, "image.fat: %s and %s differ only in case (FAT names ignore case)", other.path, c.path) end
      folded[low] = c
      local s = exact83(c.name)
      if s and not used[s] then used[s] = true; c.short = s end
    end
    for _, c in ipairs(d.children) do
      if not c.short then
        c.short = shortname(c.name, used)
        used[c.short] = true
        c.units = #c.name
        if c.name:find("[\128-\255]") then c.units = #U.utf16(c.name, "image.fat: " .. c.path, 1) end
        if c.units > 255 then U.fail(1, "image.fat: %s: name longer than 255 UTF-16 units", c.path) end
      end
      slots = slots + 1 + (c.units and math.ceil(c.units / 13) or 0)
      if c.dir then queue[#queue + 1] = c end
    end
    if slots > 65536 then U.fail(1, "image.fat: directory %s has %d entries, at most 65536", d.path, slots) end
    d.slots = slots
  end
  if not fat32 and root.slots + (label and 1 or 0) > 512 then
    U.fail(1, "image.fat: the FAT16 root directory holds 512 entries, %d needed (use subdirectories)",
      root.slots + (label and 1 or 0))
  end

  -- clusters: directories first, then files in directory order
  local nextc, runs = 2, {}
  local function alloc(bytes)
    local n = math.max(1, math.ceil(bytes / cbytes))
    local s = nextc
    nextc = nextc + n
    runs[#runs + 1] = { start = s, count = n }
    return s
  end
  for _, d in ipairs(dirs) do
    if d ~= root or fat32 then d.cluster = alloc(d.slots * 32) else d.cluster = 0 end
  end
  local filelist = {}
  for _, d in ipairs(dirs) do
    for _, c in ipairs(d.children) do
      if not c.dir then
        if c.size > 0 then
          if nextc + math.ceil(c.size / cbytes) - 2 > g.clusters then
            U.fail(1, "image.fat: %s (%d bytes) does not fit: the file system has %d clusters of %d bytes and %d are used before it",
              c.path, c.size, g.clusters, cbytes, nextc - 2)
          end
          c.cluster = alloc(c.size)
        else
          c.cluster = 0
        end
        filelist[#filelist + 1] = c
      end
    end
  end
  local usedc = nextc - 2
  if usedc > g.clusters then
    U.fail(1, "image.fat: the tree needs %d clusters, the file system has %d", usedc, g.clusters)
  end

  -- directory entries with their byte offsets
  local ents = {}
  local function ent(off, short, attr, cluster, size, t, long)
    local tm, dt = timestamp(t or deftime)
    if short:byte(1) == 0xE5 then short = "\5" .. short:sub(2) end
    ents[#ents + 1] = { off = off, short = blob:add(short), attr = attr, cluster = cluster, size = size,
      time = tm, date = dt, nlfn = long and #long or 0, lfn = long and blob:add(long) or 0 }
  end
  local rootoff = fat32 and coff(root.cluster) or (g.reserved + 2 * g.fatsz) * 512
  for _, d in ipairs(dirs) do
    local off = (d == root) and rootoff or coff(d.cluster)
    if d == root then
      if label then ent(off, label .. string.rep(" ", 11 - #label), 0x08, 0, 0, nil) off = off + 32 end
    else
      ent(off, ".          ", 0x10, d.cluster, 0, d.mtime)
      ent(off + 32, "..         ", 0x10, d.parent == root and 0 or d.parent.cluster, 0, d.parent.mtime)
      off = off + 64
    end
    for _, c in ipairs(d.children) do
      c.parent = d
      local attr = c.dir and 0x10 or 0x20
      if c.mode and math.floor(c.mode / 128) % 2 == 0 then attr = attr + 0x01 end
      ent(off, c.short, attr, c.cluster, c.dir and 0 or c.size, c.mtime, c.units and c.name)
      off = off + 32 * (1 + (c.units and math.ceil(c.units / 13) or 0))
    end
  end
  local files = {}
  for _, c in ipairs(filelist) do
    if c.size > 0 then
      if c.data then
        files[#files + 1] = { off = coff(c.cluster), size = c.size, src = blob:add(c.data), host = false }
      else
        files[#files + 1] = { off = coff(c.cluster), size = c.size, src = blob:add(c.host .. "\0"), host = true }
      end
    end
  end

  local volid = spec.volid or U.crc32s("fat\0" .. tostring(spec.seed or ""))
  local lab = label and (label .. string.rep(" ", 11 - #label)) or "NO NAME    "
  local params = { fat32 = fat32, total = total, spc = g.spc, reserved = g.reserved, fatsz = g.fatsz,
    rootents = fat32 and 0 or 512, hidden = spec.hidden or (part and part.start) or 0, volid = volid,
    clusters = g.clusters, free = g.clusters - usedc, nextfree = nextc, label = { lab:byte(1, 11) } }

  local function arr(T, list, empty)
    if #list == 0 then list = { empty } end
    return global(T[#list], list), #list
  end
  local P = constant(F.Params, params)
  local R, nruns = arr(F.Run, runs, { start = 0, count = 0 })
  local E, nents = arr(F.Ent, ents, {})
  local FL, nfiles = arr(F.File, files, { off = 0, size = 0, src = 0, host = false })
  if #runs == 0 then nruns = 0 end
  if #files == 0 then nfiles = 0 end
  local B = blob:constant()
  local usedentries = nextc

  local fs = { size = size, fat = kind, clusters = g.clusters, cluster = cbytes, volid = volid,
    free = g.clusters - usedc, partition = part, reserved = g.reserved, fatsz = g.fatsz }
  fs.writer = terra(path : rawstring, off : int64, create : bool) : int
    var size : int64 = [size]
    var fd : int
    if create then fd = U.openw(path, size) else fd = U.openw(path, -1) end
    if fd < 0 then return -1 end
    var ok = create or U.clear(fd, off, size)
    var p = P
    ok = ok and F.writefs(fd, off, &p, &R[0], nruns, usedentries, &E[0], nents, &FL[0], nfiles, [&uint8](B))
    if not ok then U.report("cannot write", path) end
    C.close(fd)
    if ok then return 0 end
    return -1
  end
  function fs:write(path, off)
    if path == nil and part then
      path, off = part.layout and part.layout.path, part.offset
      if not path then U.fail(1, "image.fat: write the disk holding the partition first") end
    end
    if type(path) ~= "string" then U.fail(1, "image.fat: write(path [, offset]) expected") end
    if off then
      off = U.size(off, "image.fat write offset", 1)
      local f = io.open(path, "rb")
      if not f then U.fail(1, "image.fat: cannot open %s", path) end
      local n = f:seek("end")
      f:close()
      if off + size > n then
        U.fail(1, "image.fat: the file system (%d bytes at %d) does not fit in %s (%d bytes)", size, off, path, n)
      end
    end
    U.run(self.writer, 1, "image.fat write " .. path, path, off or 0, off == nil)
    self.path = path
    return self
  end
  return fs
end

return F
