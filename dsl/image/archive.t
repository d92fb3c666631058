-- image.cpio and image.tar: archives of a tree, written by Terra code.
--
--   image.cpio(t):write("initrd.cpio")               -- find . | cpio -o -H newc
--   image.cpio{ tree = t, compress = "gzip", level = 6 }:write("initrd.img")
--   image.cpio{ segments = {                         -- early microcode, then the root
--     { tree = ucode },                              -- uncompressed
--     { tree = root, compress = "gzip" },
--   } }:write("initrd.img")
--   image.tar{ tree = t, compress = "xz" }:write("root.tar.xz")
--   a.writer                                         -- terra(path : rawstring) : int
--
-- The Lua side turns the tree's entries (sorted, with their own owners,
-- modes and times) into records: inode numbers by position, hard-link
-- groups, ustar name splits and pax records. The Terra side formats the
-- headers and streams the data, reading host files in chunks, through a
-- gzip or xz compressor when asked. cpio segments end padded to 512 bytes
-- as GNU cpio pads them; tar archives end with two zero blocks, padded to
-- a 10240-byte record as GNU tar does.
local U = require "image.util"
local T = require "image.tree"
local S = require "image.compress"
local C = U.C

local A = {}

-- blob is U.blob with a chunked concat: table.concat over tens of
-- thousands of parts is quadratic in our Lua, and an initramfs has that
-- many names.
local function blob()
  local b = U.blob()
  function b:constant()
    local groups, parts = {}, self.parts
    for i = 1, #parts, 256 do groups[#groups + 1] = table.concat(parts, "", i, math.min(i + 255, #parts)) end
    groups[#groups + 1] = "\0"
    return constant(table.concat(groups))
  end
  return b
end

-- One archive member. Offsets point into the archive's blob.
struct A.Ent {
  name : uint64; prefix : uint64; link : uint64; src : uint64
  size : uint64; mtime : int64
  namelen : uint32; prefixlen : uint32; linklen : uint32
  mode : uint32; uid : uint32; gid : uint32; ino : uint32; nlink : uint32
  major : uint32; minor : uint32
  type : uint8; host : bool
}

local zeros = global(uint8[512])

terra A.data(s : &S.Sink, e : &A.Ent, B : &uint8) : bool
  if e.size == 0 then return s.ok end
  if e.host then return s:copyhost([rawstring](B + e.src), e.size) end
  s:put(B + e.src, e.size)
  return s.ok
end

-- cpio writes one newc archive (without compression choices: s has them).
terra A.cpio(s : &S.Sink, E : &A.Ent, n : int, B : &uint8) : bool
  var hdr : int8[128]
  for i = 0, n do
    var e = &E[i]
    C.snprintf(hdr, 128, "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
      e.ino, e.mode, e.uid, e.gid, e.nlink, [uint32](e.mtime), [uint32](e.size),
      0, 0, e.major, e.minor, e.namelen + 1, 0)
    s:put([&uint8](&hdr[0]), 110)
    s:put(B + e.name, e.namelen)
    s:put(zeros, 1)
    s:pad(4)
    if not A.data(s, e, B) then return false end
    s:pad(4)
  end
  C.snprintf(hdr, 128, "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
    0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 11, 0)
  s:put([&uint8](&hdr[0]), 110)
  s:put([&uint8]("TRAILER!!!"), 11)
  s:pad(4)
  s:pad(512)
  return s.ok
end

-- octal writes v as w-1 zero-padded octal digits and a NUL.
local terra octal(p : &uint8, w : int, v : uint64)
  p[w - 1] = 0
  var i = w - 2
  while i >= 0 do
    p[i] = 48 + (v and 7)
    v = v >> 3
    i = i - 1
  end
end

-- tar writes one ustar archive; pax extended headers come as members of
-- type 'x' before the member they describe.
terra A.tar(s : &S.Sink, E : &A.Ent, n : int, B : &uint8) : bool
  var h : uint8[512]
  for i = 0, n do
    var e = &E[i]
    C.memset(&h[0], 0, 512)
    C.memcpy(&h[0], B + e.name, e.namelen)
    octal(&h[100], 8, e.mode)
    octal(&h[108], 8, e.uid)
    octal(&h[116], 8, e.gid)
    octal(&h[124], 12, e.size)
    octal(&h[136], 12, e.mtime)
    C.memset(&h[148], 32, 8)
    h[156] = e.type
    C.memcpy(&h[157], B + e.link, e.linklen)
    C.memcpy(&h[257], ["ustar\0" .. "00"], 8)
    if e.type == 51 or e.type == 52 then -- '3' char, '4' block
      octal(&h[329], 8, e.major)
      octal(&h[337], 8, e.minor)
    end
    C.memcpy(&h[345], B + e.prefix, e.prefixlen)
    var sum : uint32 = 0
    for k = 0, 512 do sum = sum + h[k] end
    octal(&h[148], 7, sum)
    h[155] = 32
    s:put(&h[0], 512)
    if e.type == 48 or e.type == 120 then -- '0' file, 'x' pax
      if not A.data(s, e, B) then return false end
      s:pad(512)
    end
  end
  s:put(zeros, 512)
  s:put(zeros, 512)
  s:pad(10240)
  return s.ok
end

---------------------------------------------------------------------------
-- Lua side

local IFMT = { file = 0x8000, dir = 0x4000, symlink = 0xA000, char = 0x2000, block = 0x6000, fifo = 0x1000 }
local TARTYPE = { file = 48, hardlink = 49, symlink = 50, char = 51, block = 52, dir = 53, fifo = 54 }
local MAXOCT7, MAXOCT11 = 8 ^ 7 - 1, 8 ^ 11 - 1

-- rec makes one A.Ent initializer. Positional tables, in the struct's
-- field order: our Lua builds them about five times faster than keyed
-- ones, which counts at 20,000 entries.
local function rec(name, prefix, link, src, size, mtime, namelen, prefixlen, linklen,
                   mode, uid, gid, ino, nlink, major, minor, type, host)
  return { name, prefix, link, src, size, mtime, namelen, prefixlen, linklen,
           mode, uid, gid, ino, nlink, major, minor, type, host }
end

-- datasrc is where a file's bytes come from: blob offset, size, host.
local function datasrc(e, blob)
  if e.data then return blob:add(e.data), e.size, false end
  return blob:add(e.host .. "\0"), e.size, true
end

-- cpiorecords lays out a tree as newc members: inodes numbered by
-- position, hard links sharing their file's inode with the data on the
-- last name, as GNU cpio and the kernel's unpacker expect.
local function cpiorecords(tree, blob, what, level)
  local list = tree:entries()
  local ino, group, subdirs = {}, {}, {}
  for i, e in ipairs(list) do
    ino[e.path] = i
    if e.kind == "hardlink" then
      group[e.target] = group[e.target] or { e.target }
      table.insert(group[e.target], e.path)
    elseif e.kind == "dir" then
      local parent = e.path:match("^(.*)/[^/]*$")
      if parent then subdirs[parent] = (subdirs[parent] or 0) + 1 end
    end
  end
  local last = {} -- the group's last name in archive order
  for _, e in ipairs(list) do
    if e.kind == "hardlink" then last[e.target] = e.path
    elseif group[e.path] then last[e.path] = e.path end
  end
  local recs = {}
  for _, e in ipairs(list) do
    local f = e.kind == "hardlink" and tree:get(e.target) or e
    local key = e.kind == "hardlink" and e.target or e.path
    if f.uid > 0xFFFFFFFF or f.gid > 0xFFFFFFFF or f.mtime > 0xFFFFFFFF then
      U.fail(level, "%s: %s: owner or time does not fit in a cpio header", what, e.path)
    end
    local nlink, src, size, host = 1, 0, 0, false
    if f.kind == "file" then
      local g = group[key]
      if g then nlink = #g end
      if not g or last[key] == e.path then
        if f.size > 0xFFFFFFFF then U.fail(level, "%s: %s is 4 GiB or more, beyond cpio newc", what, e.path) end
        src, size, host = datasrc(f, blob)
      end
    elseif f.kind == "dir" then
      nlink = 2 + (subdirs[e.path] or 0)
    elseif f.kind == "symlink" then
      src, size = blob:add(f.target), #f.target
    end
    recs[#recs + 1] = rec(blob:add(e.path), 0, 0, src, size, f.mtime, #e.path, 0, 0,
      IFMT[f.kind] + f.mode, f.uid, f.gid, ino[key], nlink, f.major or 0, f.minor or 0, 0, host)
  end
  return recs
end

-- paxrecord is one "LEN key=value\n" line, LEN counting itself.
local function paxrecord(key, value)
  local body = " " .. key .. "=" .. value .. "\n"
  local n = #body + 1
  while #tostring(n) + #body ~= n do n = #tostring(n) + #body end
  return n .. body
end

-- ustarname splits p into prefix and name fields, or returns nil.
local function ustarname(p)
  if #p <= 100 then return "", p end
  for i = #p - 1, 1, -1 do
    if p:sub(i, i) == "/" then
      local pre, name = p:sub(1, i - 1), p:sub(i + 1)
      if #name > 100 then return nil end
      if #pre <= 155 and #name > 0 then return pre, name end
    end
  end
  return nil
end

-- tarrecords lays out a tree as ustar members, with a pax header before
-- members whose names, link targets, owners, sizes or times do not fit. A
-- hard link names the first member of its group, which holds the data.
local function tarrecords(tree, blob, what, level)
  local list = tree:entries()
  local first = {}
  local recs = {}
  for _, e in ipairs(list) do
    local f, kind = e, e.kind
    if kind == "hardlink" then f = tree:get(e.target) end
    local key = kind == "hardlink" and e.target or e.path
    local linkto
    if kind == "file" or kind == "hardlink" then
      if first[key] then kind, linkto = "hardlink", first[key] else kind, first[key] = "file", e.path end
    elseif kind == "symlink" then
      linkto = f.target
    end
    local path = e.path .. (kind == "dir" and "/" or "")
    local pax = {}
    local prefix, name = ustarname(path)
    if not prefix then
      pax[#pax + 1] = paxrecord("path", path)
      prefix, name = "", path:sub(1, 100)
    end
    if linkto and #linkto > 100 then
      pax[#pax + 1] = paxrecord("linkpath", linkto)
      linkto = linkto:sub(1, 100)
    end
    local uid, gid, mtime = f.uid, f.gid, f.mtime
    if uid > MAXOCT7 then pax[#pax + 1] = paxrecord("uid", tostring(uid)); uid = 0 end
    if gid > MAXOCT7 then pax[#pax + 1] = paxrecord("gid", tostring(gid)); gid = 0 end
    if mtime > MAXOCT11 then pax[#pax + 1] = paxrecord("mtime", tostring(mtime)); mtime = 0 end
    if (f.major or 0) > MAXOCT7 or (f.minor or 0) > MAXOCT7 then U.fail(level, "%s: %s: device number beyond ustar", what, e.path) end
    local src, size, host = 0, 0, false
    if kind == "file" then
      if f.size > MAXOCT11 then U.fail(level, "%s: %s is 8 GiB or more, beyond ustar", what, e.path) end
      src, size, host = datasrc(f, blob)
    end
    if #pax > 0 then
      -- sorted keys make the header's bytes independent of the order above
      table.sort(pax, function(a, b) return a:match(" ([^=]*)=") < b:match(" ([^=]*)=") end)
      local data = table.concat(pax)
      local base = path:gsub("/$", ""):match("[^/]*$"):sub(1, 89)
      recs[#recs + 1] = rec(blob:add("PaxHeaders/" .. base), 0, 0, blob:add(data), #data, 0, 11 + #base, 0, 0,
        420, 0, 0, 0, 0, 0, 0, 120, false)
    end
    linkto = linkto or ""
    recs[#recs + 1] = rec(blob:add(name), blob:add(prefix), blob:add(linkto), src, size, mtime, #name, #prefix, #linkto,
      f.mode, uid, gid, 0, 0, f.major or 0, f.minor or 0, TARTYPE[kind], host)
  end
  return recs
end

-- segment checks one {tree =, compress =, level =} spec.
local function segspec(v, what, level)
  if T.istree(v) then return { tree = v, mode = S.NONE, level = 0 } end
  if type(v) ~= "table" or not T.istree(v.tree) then U.fail(level, "%s: tree = image.tree{...} expected", what) end
  local fmt = v.compress or "none"
  local mode = S.FORMATS[fmt]
  if not mode then U.fail(level, "%s: compress must be \"gzip\", \"xz\" or \"none\", got %s", what, tostring(fmt)) end
  return { tree = v.tree, mode = mode, level = S.checklevel(v.level, mode, what, level), compress = fmt }
end

local function archive(format, spec, level)
  level = level + 1
  local what = "image." .. format
  local specs
  if type(spec) == "table" and not T.istree(spec) and spec.segments ~= nil then
    if format ~= "cpio" then U.fail(level, "%s: segments are for cpio archives", what) end
    if type(spec.segments) ~= "table" or #spec.segments == 0 then U.fail(level, "%s: segments = {{tree = ...}, ...} expected", what) end
    specs = {}
    for i, s in ipairs(spec.segments) do specs[i] = segspec(s, what .. ": segment " .. i, level) end
  else
    specs = { segspec(spec, what, level) }
  end
  local blob = blob()
  local segs = {}
  for i, s in ipairs(specs) do
    local recs = format == "cpio" and cpiorecords(s.tree, blob, what, level) or tarrecords(s.tree, blob, what, level)
    local n = #recs
    if n == 0 then recs = { rec(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false) } end
    segs[i] = { E = global(A.Ent[#recs], recs), n = n, mode = s.mode, level = s.level }
  end
  local B = blob:constant()
  local fn = format == "cpio" and A.cpio or A.tar
  local a = { format = format, segments = specs }
  a.writer = terra(path : rawstring) : int
    var fd = U.openw(path, 0)
    if fd < 0 then return -1 end
    var s : S.Sink
    s:init(fd)
    var ok = true
    escape
      for _, g in ipairs(segs) do
        emit quote
          ok = ok and s:begin(g.mode, g.level) and fn(&s, &[g.E][0], g.n, [&uint8](B))
          ok = s:finish() and ok
        end
      end
    end
    s:release()
    if C.close(fd) ~= 0 then ok = false end
    if not ok then U.report("cannot write", path) return -1 end
    return 0
  end
  function a:write(path)
    if type(path) ~= "string" then U.fail(1, "%s: write(path) expected", what) end
    U.run(self.writer, 1, what .. " write " .. path, path)
    self.path = path
    return self
  end
  return a
end

function A.cpio_(spec) return archive("cpio", spec, 1) end
function A.tar_(spec) return archive("tar", spec, 1) end

return { cpio = A.cpio_, tar = A.tar_, A = A }
