-- image.elf: the shared-library closure of an ELF binary, the part of a
-- root file system that `ldd` plus `cp` would otherwise gather. The ELF64
-- reader is Terra; the search (RPATH/RUNPATH, ld.so.conf, the default
-- directories) is Lua, as the loader documents it.
local ffi = require "ffi"
local U = require "image.util"
local H = require "image.hostfs"

local M = {}

local C = terralib.includecstring [[
#include <stdlib.h>
#include <string.h>
]]

local PT_LOAD, PT_DYNAMIC, PT_INTERP = 1, 2, 3
local DT_NULL, DT_NEEDED, DT_STRTAB, DT_SONAME, DT_RPATH, DT_RUNPATH = 0, 1, 5, 14, 15, 29

-- Little-endian loads with a bounds check: ok is cleared when [off, off+k)
-- is not inside the n-byte buffer.
local function loader(T)
  return terra(p : &uint8, n : int64, off : uint64, ok : &bool) : T
    if off > [uint64](n) or [uint64](n) - off < sizeof(T) then @ok = false return 0 end
    var v : T
    C.memcpy(&v, p + off, sizeof(T))
    return v
  end
end
local ld16, ld32, ld64 = loader(uint16), loader(uint32), loader(uint64)

-- Record writes "tag bytes NUL" into the growing output buffer.
struct Rec { buf : &int8; len : int64; cap : int64 }
terra Rec:add(tag : int8, s : &uint8, max : int64)
  var l : int64 = 0
  while l < max and s[l] ~= 0 do l = l + 1 end
  while self.len + l + 2 > self.cap do
    self.cap = self.cap * 2
    self.buf = [&int8](C.realloc(self.buf, self.cap))
  end
  self.buf[self.len] = tag
  C.memcpy(self.buf + self.len + 1, s, l)
  self.buf[self.len + 1 + l] = 0
  self.len = self.len + l + 2
end

-- Result codes of parse.
M.OK, M.NOTELF, M.NOT64, M.BIGENDIAN, M.TRUNCATED = 0, 1, 2, 3, 4

-- parse reads the ELF64 image p[0,n) and lists, as records "T value\0" in
-- a malloc'd buffer: M machine (decimal), I interpreter, N each DT_NEEDED,
-- S soname, P rpath, R runpath.
terra M.parse(p : &uint8, n : int64, out : &&int8, outlen : &int64) : int
  if n < 64 or p[0] ~= 0x7F or p[1] ~= 69 or p[2] ~= 76 or p[3] ~= 70 then return M.NOTELF end
  if p[4] ~= 2 then return M.NOT64 end
  if p[5] ~= 1 then return M.BIGENDIAN end
  var ok = true
  var rec = Rec{ [&int8](C.malloc(256)), 0, 256 }
  var mach : uint8[8]
  var m = ld16(p, n, 18, &ok)
  -- the machine number in decimal
  var digits : uint8[8]
  var nd = 0
  repeat digits[nd] = [uint8](48 + m % 10) m = m / 10 nd = nd + 1 until m == 0
  for i = 0, nd do mach[i] = digits[nd - 1 - i] end
  mach[nd] = 0
  rec:add(77, &mach[0], 8)
  var phoff = ld64(p, n, 32, &ok)
  var phentsize = ld16(p, n, 54, &ok)
  var phnum = ld16(p, n, 56, &ok)
  var dynoff : uint64 = 0
  var dynsize : uint64 = 0
  for i = 0, phnum do
    var ph = phoff + [uint64](i) * phentsize
    var typ = ld32(p, n, ph, &ok)
    var off = ld64(p, n, ph + 8, &ok)
    var filesz = ld64(p, n, ph + 32, &ok)
    if not ok then break end
    if typ == PT_INTERP and off < [uint64](n) then
      rec:add(73, p + off, n - off)
    elseif typ == PT_DYNAMIC then
      dynoff, dynsize = off, filesz
    end
  end
  if ok and dynsize > 0 then
    -- DT_STRTAB is an address: find the file offset through the PT_LOADs
    var strtab : uint64 = 0
    var found = false
    var d = dynoff
    while d + 16 <= dynoff + dynsize do
      var tag = ld64(p, n, d, &ok)
      if not ok or tag == DT_NULL then break end
      if tag == DT_STRTAB then strtab = ld64(p, n, d + 8, &ok) found = true end
      d = d + 16
    end
    var stroff : uint64 = 0
    var strok = false
    if found then
      for i = 0, phnum do
        var ph = phoff + [uint64](i) * phentsize
        var vaddr = ld64(p, n, ph + 16, &ok)
        var filesz = ld64(p, n, ph + 32, &ok)
        if ld32(p, n, ph, &ok) == PT_LOAD and strtab >= vaddr and strtab < vaddr + filesz then
          stroff = strtab - vaddr + ld64(p, n, ph + 8, &ok)
          strok = true
          break
        end
      end
    end
    if strok and ok then
      d = dynoff
      while d + 16 <= dynoff + dynsize do
        var tag = ld64(p, n, d, &ok)
        if not ok or tag == DT_NULL then break end
        var v = ld64(p, n, d + 8, &ok)
        var s = stroff + v
        if s < [uint64](n) then
          if tag == DT_NEEDED then rec:add(78, p + s, n - s)
          elseif tag == DT_SONAME then rec:add(83, p + s, n - s)
          elseif tag == DT_RPATH then rec:add(80, p + s, n - s)
          elseif tag == DT_RUNPATH then rec:add(82, p + s, n - s) end
        end
        d = d + 16
      end
    end
  end
  if not ok then C.free(rec.buf) return M.TRUNCATED end
  @out, @outlen = rec.buf, rec.len
  return M.OK
end

terra M.free(p : &opaque) C.free(p) end

---------------------------------------------------------------------------
-- Lua side

local nbuf = terralib.new(int64[1])
local outp = terralib.new((&int8)[1])
local WHY = { [M.NOTELF] = "not an ELF file", [M.NOT64] = "not a 64-bit ELF file",
  [M.BIGENDIAN] = "a big-endian ELF file (not supported)", [M.TRUNCATED] = "a truncated or damaged ELF file" }

-- info describes the ELF file at a host path: machine, interp, needed (a
-- list), soname, rpath, runpath (lists of directories). nil and a reason
-- if it cannot be read or is not ELF64.
function M.info(path)
  local p = H.readfile(path, false, nbuf)
  if p == nil then return nil, "cannot read " .. path end
  local rc = M.parse(p, nbuf[0], outp, nbuf)
  H.free(p)
  if rc ~= M.OK then return nil, path .. " is " .. WHY[rc] end
  local s = ffi.string(outp[0], nbuf[0])
  M.free(outp[0])
  local info = { needed = {}, path = path }
  local function dirs(v)
    local t = {}
    for d in v:gmatch("[^:]+") do t[#t + 1] = d end
    return t
  end
  for tag, v in s:gmatch("(.)([^%z]*)%z") do
    if tag == "M" then info.machine = tonumber(v)
    elseif tag == "I" then info.interp = v
    elseif tag == "N" then info.needed[#info.needed + 1] = v
    elseif tag == "S" then info.soname = v
    elseif tag == "P" then info.rpath = dirs(v)
    elseif tag == "R" then info.runpath = dirs(v) end
  end
  return info
end

M.elfinfo = M.info

-- glob1 lists the files that a one-"*" pattern names in a host directory.
local function glob1(pattern)
  local dir, base = pattern:match("^(.*)/([^/]*)$")
  if not dir then return {} end
  if not base:find("[*?]") then return H.stat(pattern) and { pattern } or {} end
  local lua = "^" .. base:gsub("[%^%$%(%)%%%.%[%]%+%-]", "%%%0"):gsub("%*", ".*"):gsub("%?", ".") .. "$"
  local out = {}
  for _, name in ipairs(H.list(dir) or {}) do
    if name:match(lua) then out[#out + 1] = dir .. "/" .. name end
  end
  return out
end

-- confdirs reads the directories of an ld.so.conf and its includes.
local function confdirs(sysroot, file, out, seen)
  if seen[file] then return end
  seen[file] = true
  local text = H.slurp(sysroot .. file)
  if not text then return end
  for line in text:gmatch("[^\n]+") do
    line = line:gsub("#.*", ""):match("^%s*(.-)%s*$")
    local inc = line:match("^include%s+(.+)$")
    if inc then
      for pat in inc:gmatch("%S+") do
        if pat:sub(1, 1) ~= "/" then pat = file:match("^(.*)/") .. "/" .. pat end
        local files = glob1(sysroot .. pat)
        table.sort(files)
        for _, f in ipairs(files) do confdirs(sysroot, f:sub(#sysroot + 1), out, seen) end
      end
    elseif line ~= "" and line:sub(1, 1) == "/" then
      out[#out + 1] = line
    end
  end
end

-- Debian's multiarch directory names by e_machine.
M.MULTIARCH = { [62] = "x86_64-linux-gnu", [183] = "aarch64-linux-gnu", [243] = "riscv64-linux-gnu",
  [21] = "powerpc64le-linux-gnu", [22] = "s390x-linux-gnu" }

-- defaultdirs are the directories searched last, for a machine (default
-- x86-64).
function M.defaultdirs(machine)
  local triple = M.MULTIARCH[machine or 62] or M.MULTIARCH[62]
  return { "/lib/" .. triple, "/usr/lib/" .. triple, "/lib64", "/usr/lib64", "/usr/lib", "/lib" }
end

-- searchdirs is the list after RPATH/RUNPATH: ld.so.conf's directories
-- (under sysroot), then the defaults for the machine.
function M.searchdirs(sysroot, machine)
  local dirs, seen = {}, {}
  local function add(d) if not seen[d] then seen[d] = true dirs[#dirs + 1] = d end end
  local conf = {}
  confdirs(sysroot or "", "/etc/ld.so.conf", conf, {})
  for _, d in ipairs(conf) do add(d) end
  for _, d in ipairs(M.defaultdirs(machine)) do add(d) end
  return dirs
end

-- lexical resolves "." and ".." in a path by name alone and returns it
-- relative to the root, or nil when ".." would climb above the root.
local function lexical(p)
  local parts = {}
  for c in p:gmatch("[^/]+") do
    if c == ".." then
      if #parts == 0 then return nil end
      parts[#parts] = nil
    elseif c ~= "." then
      parts[#parts + 1] = c
    end
  end
  return table.concat(parts, "/")
end
M.lexical = lexical

-- relative gives the symlink target that leads from the directory of tree
-- path from to tree path to.
local function relative(from, to)
  local a, b = {}, {}
  for c in from:gmatch("[^/]+") do a[#a + 1] = c end
  for c in to:gmatch("[^/]+") do b[#b + 1] = c end
  a[#a] = nil -- the link's own name
  local i = 1
  while i <= #a and i < #b and a[i] == b[i] do i = i + 1 end
  local parts = {}
  for _ = i, #a do parts[#parts + 1] = ".." end
  for k = i, #b do parts[#parts + 1] = b[k] end
  return table.concat(parts, "/")
end
M.relative = relative

-- closure adds the libraries hostbin needs, and its interpreter, to tree
-- t at the paths they have on the host (under opts.sysroot, if given).
-- opts: sysroot; dirs (replaces ld.so.conf and the defaults); uid, gid,
-- mtime. It returns the list of { name, host, path } it added, the
-- interpreter last.
function M.closure(t, hostbin, opts, level)
  level = (level or 0) + 1
  opts = opts or {}
  if type(hostbin) ~= "string" then U.fail(level, "image.tree: libs: a host binary path expected") end
  local sysroot = (opts.sysroot or ""):gsub("/+$", "")
  local what = "image.tree: libs " .. hostbin
  local main, err = M.info(hostbin)
  if not main then U.fail(level, "%s: %s", what, err) end
  local dirs = opts.dirs or M.searchdirs(sysroot, main.machine)
  local own = { uid = opts.uid, gid = opts.gid, mtime = opts.mtime }
  local added, done = {}, {}
  local function attrs(mode)
    return { uid = own.uid, gid = own.gid, mtime = own.mtime, mode = mode }
  end
  -- A library found through $ORIGIN goes where that leads from the tree
  -- path of the object that needs it; any other keeps its host path.
  local function treedir(obj) return (obj.tree:match("^(.*)/") or "") end
  local function hostdir(obj) return (obj.path:sub(#sysroot + 1):match("^(.*)/") or ".") end
  main.tree = opts.treepath or lexical(hostbin:sub(#sysroot + 1))
  if not main.tree then U.fail(level, "%s: the binary's path leaves the tree", what) end
  -- find returns the host path (without sysroot), tree path and info of
  -- a needed library.
  local function find(name, obj)
    if name:find("/") then return name, lexical(name) end
    local list = {}
    local function add(d, o)
      if d:find("%$") then
        list[#list + 1] = { host = d:gsub("%${?ORIGIN}?", hostdir(o)), tree = d:gsub("%${?ORIGIN}?", "/" .. treedir(o)) }
      else
        list[#list + 1] = { host = d, tree = d }
      end
    end
    if obj.runpath then
      for _, d in ipairs(obj.runpath) do add(d, obj) end
    else
      for _, d in ipairs(obj.rpath or {}) do add(d, obj) end
      if obj ~= main and not main.runpath then
        for _, d in ipairs(main.rpath or {}) do add(d, main) end
      end
    end
    for _, d in ipairs(dirs) do add(d) end
    for _, d in ipairs(list) do
      local p = d.host:gsub("/+$", "") .. "/" .. name
      if H.stat(sysroot .. p) then
        -- skip libraries for another machine (i386 builds in /usr/lib32 ...)
        local inf = M.info(sysroot .. p)
        if inf and inf.machine == main.machine then
          local tp = lexical(d.tree .. "/" .. name)
          if not tp then U.fail(level + 1, "%s: %s (needed by %s) would be placed outside the tree (%s)", what, name, obj.path, d.tree) end
          return p, tp, inf
        end
      end
    end
    local searched = {}
    for i, d in ipairs(list) do searched[i] = d.host end
    return nil, table.concat(searched, ":")
  end
  local queue = { main }
  local qi = 1
  while qi <= #queue do
    local obj = queue[qi]
    qi = qi + 1
    for _, name in ipairs(obj.needed) do
      if not done[name] then
        done[name] = true
        local p, tp, inf = find(name, obj)
        if not p then U.fail(level, "%s: %s (needed by %s) not found in %s", what, name, obj.path, tp) end
        if not inf then
          inf, err = M.info(sysroot .. p)
          if not inf then U.fail(level, "%s: %s", what, err) end
        end
        local mode = 420
        if main.interp and name == main.interp:match("[^/]+$") then mode = 493 end
        local o = attrs(mode)
        o.host = sysroot .. p
        local e = t:add("file", tp, o, level)
        inf.tree = e.path
        added[#added + 1] = { name = name, host = sysroot .. p, path = e.path }
        queue[#queue + 1] = inf
      end
    end
  end
  if main.interp then
    local ip = main.interp
    local base = ip:match("[^/]+$")
    local copied
    for _, a in ipairs(added) do if a.name == base then copied = a end end
    if not copied then
      local p, tp = find(base, main)
      local host = p and sysroot .. p or sysroot .. ip
      if not H.stat(host) then U.fail(level, "%s: interpreter %s not found", what, ip) end
      local o = attrs(493)
      o.host = host
      local e = t:add("file", tp or ip, o, level)
      copied = { name = base, host = host, path = e.path }
    end
    local ipath = require("image.tree").cleanpath(ip)
    if ipath ~= copied.path then
      t:add("symlink", ipath, { target = relative(ipath, copied.path), uid = own.uid, gid = own.gid, mtime = own.mtime }, level)
    end
    added[#added + 1] = { name = ip, host = copied.host, path = ipath, interp = true }
  end
  return added
end

-- binary adds the host binary hostbin at tree path (mode 0755 unless
-- opts.mode) with its library closure. hostbin defaults to "/" .. path.
function M.binary(t, path, hostbin, opts, level)
  level = (level or 0) + 1
  if type(hostbin) == "table" and opts == nil then hostbin, opts = nil, hostbin end
  opts = opts or {}
  if type(path) ~= "string" then U.fail(level, "image.tree: binary: a tree path expected") end
  hostbin = hostbin or ((opts.sysroot or "") .. "/" .. path:gsub("^/+", ""))
  local e = t:add("file", path, { host = hostbin, mode = opts.mode or 493, uid = opts.uid, gid = opts.gid, mtime = opts.mtime }, level)
  local o = {}
  for k, v in pairs(opts) do o[k] = v end
  o.treepath = e.path
  return (M.closure(t, hostbin, o, level))
end

return M
