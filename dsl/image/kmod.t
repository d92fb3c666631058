-- image.kmod: the closure of kernel modules named by an initramfs, read
-- from a modules directory (lib/modules/VERSION with modules.dep), stored
-- uncompressed in load order. It replaces copying modules by hand after
-- `modprobe --show-depends` and `unxz`. Decompression is Terra on
-- liblzma, zlib and libzstd.
local ffi = require "ffi"
local U = require "image.util"
local H = require "image.hostfs"

local K = {}

-- By soname, so that the -dev symlinks are not needed, and by full path
-- when the library is found, because `terrac build` hands the name to the
-- linker as a file.
local function link(soname, optional)
  for _, d in ipairs(require("image.elf").searchdirs()) do
    local p = d .. "/" .. soname
    if H.stat(p) then
      terralib.linklibrary(p)
      return true
    end
  end
  if optional then return false end
  terralib.linklibrary(soname)
  return true
end
link("liblzma.so.5")
link("libz.so.1")
-- libzstd is there on most systems, its header often is not: the few
-- declarations of its streaming API are ours
local haveZstd = link("libzstd.so.1", true)
local Z = terralib.includecstring [[
#include <stddef.h>
typedef struct ZSTD_DCtx_s ZSTD_DCtx;
typedef struct { const void *src; size_t size; size_t pos; } ZSTD_inBuffer;
typedef struct { void *dst; size_t size; size_t pos; } ZSTD_outBuffer;
ZSTD_DCtx *ZSTD_createDCtx(void);
size_t ZSTD_freeDCtx(ZSTD_DCtx *dctx);
size_t ZSTD_decompressStream(ZSTD_DCtx *zds, ZSTD_outBuffer *output, ZSTD_inBuffer *input);
unsigned ZSTD_isError(size_t code);
]]
local C = terralib.includecstring [[
#include <lzma.h>
#include <zlib.h>
#include <stdlib.h>
#include <string.h>
]]

local LZMA_CONCATENATED = 0x08
-- zlib's values (the importer skips macros such as "(-5)")
local Z_OK, Z_STREAM_END, Z_NO_FLUSH, Z_BUF_ERROR = 0, 1, 0, -5

-- grow makes room for more output: it doubles *cap and returns the new
-- buffer.
local terra grow(buf : &uint8, cap : &int64) : &uint8
  @cap = @cap * 2
  return [&uint8](C.realloc(buf, @cap))
end

-- unxz decodes the .xz stream src[0,n) into a malloc'd buffer. It returns
-- 0, or -1 when the data is not a valid .xz stream.
terra K.unxz(src : &uint8, n : int64, out : &&uint8, outlen : &int64) : int
  var s : C.lzma_stream
  C.memset(&s, 0, sizeof(C.lzma_stream))
  if C.lzma_stream_decoder(&s, [uint64](-1), LZMA_CONCATENATED) ~= C.LZMA_OK then return -1 end
  var cap : int64 = n * 4 + 4096
  var buf = [&uint8](C.malloc(cap))
  s.next_in, s.avail_in = src, n
  s.next_out, s.avail_out = buf, cap
  var ok = false
  while true do
    var rc = C.lzma_code(&s, C.LZMA_FINISH)
    if rc == C.LZMA_STREAM_END then ok = true break end
    if rc ~= C.LZMA_OK and not (rc == C.LZMA_BUF_ERROR and s.avail_out == 0) then break end
    if s.avail_out == 0 then
      var used = cap
      buf = grow(buf, &cap)
      s.next_out, s.avail_out = buf + used, cap - used
    end
  end
  var total : int64 = s.total_out
  C.lzma_end(&s)
  if not ok then C.free(buf) return -1 end
  @out, @outlen = buf, total
  return 0
end

-- gunzip decodes gzip (or zlib) data src[0,n) like unxz.
terra K.gunzip(src : &uint8, n : int64, out : &&uint8, outlen : &int64) : int
  var z : C.z_stream
  C.memset(&z, 0, sizeof(C.z_stream))
  -- 15 + 32: the largest window, with the gzip or zlib header detected
  if C.inflateInit2_(&z, 47, C.zlibVersion(), sizeof(C.z_stream)) ~= Z_OK then return -1 end
  var cap : int64 = n * 4 + 4096
  var buf = [&uint8](C.malloc(cap))
  z.next_in, z.avail_in = src, n
  z.next_out, z.avail_out = buf, cap
  var ok = false
  while true do
    var rc = C.inflate(&z, Z_NO_FLUSH)
    if rc == Z_STREAM_END then ok = true break end
    if rc ~= Z_OK and not (rc == Z_BUF_ERROR and z.avail_out == 0) then break end
    if z.avail_out == 0 then
      var used = cap
      buf = grow(buf, &cap)
      z.next_out, z.avail_out = buf + used, cap - used
    elseif z.avail_in == 0 then
      break -- truncated
    end
  end
  var total : int64 = z.total_out
  C.inflateEnd(&z)
  if not ok then C.free(buf) return -1 end
  @out, @outlen = buf, total
  return 0
end

-- unzstd decodes one or more zstd frames src[0,n) like unxz.
if haveZstd then
  terra K.unzstd(src : &uint8, n : int64, out : &&uint8, outlen : &int64) : int
    var d = Z.ZSTD_createDCtx()
    if d == nil then return -1 end
    var cap : int64 = n * 4 + 4096
    var buf = [&uint8](C.malloc(cap))
    var i = Z.ZSTD_inBuffer{ src, n, 0 }
    var o = Z.ZSTD_outBuffer{ buf, cap, 0 }
    var ok = false
    while true do
      var r = Z.ZSTD_decompressStream(d, &o, &i)
      if Z.ZSTD_isError(r) ~= 0 then break end
      if r == 0 and i.pos == i.size then ok = true break end
      if o.pos == o.size then
        buf = grow(buf, &cap)
        o.dst, o.size = buf, cap
      elseif i.pos == i.size then
        break -- truncated: the frame wants more input
      end
    end
    Z.ZSTD_freeDCtx(d)
    if not ok then C.free(buf) return -1 end
    @out, @outlen = buf, o.pos
    return 0
  end
end

terra K.free(p : &opaque) C.free(p) end

---------------------------------------------------------------------------
-- Lua side

local nbuf = terralib.new(int64[1])
local outp = terralib.new((&uint8)[1])

-- unpack returns the bytes of the module file at a host path, decoded if
-- its name ends in .xz, .gz or .zst; nil and a reason on failure.
function K.unpack(path)
  local p = H.readfile(path, false, nbuf)
  if p == nil then return nil, "cannot read " .. path end
  local dec
  if path:match("%.xz$") then dec = K.unxz elseif path:match("%.gz$") then dec = K.gunzip
  elseif path:match("%.zst$") then
    dec = K.unzstd
    if not dec then H.free(p) return nil, path .. ": libzstd.so.1 is not installed" end
  end
  if not dec then
    local s = ffi.string(p, nbuf[0])
    H.free(p)
    return s
  end
  local rc = dec(p, nbuf[0], outp, nbuf)
  H.free(p)
  if rc ~= 0 then return nil, path .. " is not valid " .. path:match("%.(%a+)$") .. " data" end
  local s = ffi.string(outp[0], nbuf[0])
  K.free(outp[0])
  return s
end

-- modname is the name modprobe knows a module file by: the base name
-- without .ko and a compression suffix, with "-" read as "_".
function K.modname(path)
  local base = path:match("[^/]+$") or path
  base = base:gsub("%.ko%.%w+$", ""):gsub("%.ko$", "")
  return (base:gsub("%-", "_"))
end

-- uncompressed is a module path with the compression suffix removed.
local function uncompressed(path)
  return (path:gsub("(%.ko)%.%w+$", "%1"))
end

-- parsedep reads modules.dep text into { name = { path, deps = {paths} } }.
function K.parsedep(text)
  local mods = {}
  for line in text:gmatch("[^\n]+") do
    local path, rest = line:match("^([^:]+):%s*(.*)$")
    if path then
      local deps = {}
      for d in rest:gmatch("%S+") do deps[#deps + 1] = d end
      mods[K.modname(path)] = { path = path, deps = deps }
    end
  end
  return mods
end

-- closure copies the named modules and their dependencies into tree t.
-- spec: names (list), and dir (the host's lib/modules/VERSION) or version
-- (with root, default "/"); at (default lib/modules/VERSION in the tree);
-- uid, gid, mtime; list (a tree path for the load order, one module path
-- per line); softdeps = false ignores modules.softdep. Names may be
-- plain aliases from modules.alias. It also writes at/modules.dep for the
-- subset, uncompressed,
-- and returns { order = {names}, paths = {"/lib/modules/..."},
-- builtin = {names}, script = "insmod ...\n" lines }.
function K.closure(t, spec, level)
  level = (level or 0) + 1
  if type(spec) ~= "table" then U.fail(level, "image.tree: modules: { names = {...}, dir = ... } expected") end
  local dir = spec.dir
  if dir == nil then
    if type(spec.version) ~= "string" then U.fail(level, "image.tree: modules: dir = \"/lib/modules/VERSION\" or version = \"...\" expected") end
    dir = (spec.root or ""):gsub("/+$", "") .. "/lib/modules/" .. spec.version
  end
  if type(dir) ~= "string" then U.fail(level, "image.tree: modules: dir must be a path") end
  dir = dir:gsub("/+$", "")
  local what = "image.tree: modules " .. dir
  if type(spec.names) ~= "table" then U.fail(level, "%s: names = { \"ext4\", ... } expected", what) end
  local version = spec.version or dir:match("[^/]+$")
  local at = spec.at or ("lib/modules/" .. version)
  local T = require "image.tree"
  local atp, why = T.cleanpath(at)
  if not atp then U.fail(level, "%s: at: %s", what, why) end
  local deptext = H.slurp(dir .. "/modules.dep")
  if not deptext then U.fail(level, "%s: cannot read %s/modules.dep", what, dir) end
  local mods = K.parsedep(deptext)
  local builtin = {}
  for line in (H.slurp(dir .. "/modules.builtin") or ""):gmatch("[^\n]+") do builtin[K.modname(line)] = true end
  local own = { uid = spec.uid, gid = spec.gid, mtime = spec.mtime }
  -- plain-name aliases (crc32c -> crc32c_intel, crc32c_generic) and soft dependencies
  -- (ext4 pre: crc32c), which modules.dep leaves out but modprobe loads
  local alias, soft = {}, {}
  for a, m in (H.slurp(dir .. "/modules.alias") or ""):gmatch("alias%s+([^%s%*%?%[]+)%s+(%S+)") do
    a = K.modname(a)
    alias[a] = alias[a] or {}
    table.insert(alias[a], K.modname(m))
  end
  if spec.softdeps ~= false then
    for line in (H.slurp(dir .. "/modules.softdep") or ""):gmatch("[^\n]+") do
      local m, rest = line:match("^%s*softdep%s+(%S+)%s+(.*)$")
      if m then
        local sd = { pre = {}, post = {} }
        local list
        for w in rest:gmatch("%S+") do
          if w == "pre:" then list = sd.pre elseif w == "post:" then list = sd.post
          elseif list then list[#list + 1] = K.modname(w) end
        end
        soft[K.modname(m)] = sd
      end
    end
  end

  -- depth first, dependencies before the modules that need them; a
  -- module's list is walked from its end, as modprobe loads it. Soft
  -- dependencies that are missing or form a cycle are skipped, as
  -- modprobe does.
  local order, state, skipped = {}, {}, {}
  local function visit(name, from, depth, optional)
    if not mods[name] and not builtin[name] and alias[name] then
      -- every module an alias names, in file order, as modprobe loads them
      for _, target in ipairs(alias[name]) do
        if target ~= name then visit(target, from, depth + 1, optional) end
      end
      return
    end
    if state[name] == "done" then return end
    if state[name] == "active" then
      if optional then return end
      U.fail(level + depth, "%s: dependency cycle through %s", what, name)
    end
    local m = mods[name]
    if not m then
      if builtin[name] then
        if not state[name] then skipped[#skipped + 1] = name end
        state[name] = "done"
        return
      end
      if optional then return end
      U.fail(level + depth, "%s: module %s%s is not in modules.dep", what, name, from and (" (needed by " .. from .. ")") or "")
    end
    state[name] = "active"
    local sd = soft[name]
    if sd then for _, p in ipairs(sd.pre) do visit(p, name, depth + 1, true) end end
    for i = #m.deps, 1, -1 do visit(K.modname(m.deps[i]), name, depth + 1) end
    state[name] = "done"
    order[#order + 1] = name
    if sd then for _, p in ipairs(sd.post) do visit(p, name, depth + 1, true) end end
  end
  for i, n in ipairs(spec.names) do
    if type(n) ~= "string" then U.fail(level, "%s: names[%d] must be a string", what, i) end
    visit(K.modname(n), nil, 1)
  end

  local paths, dep, script = {}, {}, {}
  for _, name in ipairs(order) do
    local m = mods[name]
    -- depmod before 3.x wrote absolute paths into modules.dep
    local mp = m.path
    local abs = "/lib/modules/" .. version .. "/"
    if mp:sub(1, #abs) == abs then mp = mp:sub(#abs + 1) end
    local rel, why2 = T.cleanpath(mp)
    if not rel or mp:sub(1, 1) == "/" then
      U.fail(level, "%s: modules.dep names %s: %s", what, m.path, why2 or "absolute paths are not supported")
    end
    local data, err = K.unpack(dir .. "/" .. rel)
    if not data then U.fail(level, "%s: %s", what, err) end
    local tp = atp .. "/" .. uncompressed(rel)
    t:add("file", tp, { data = data, mode = 420, uid = own.uid, gid = own.gid, mtime = own.mtime }, level)
    paths[#paths + 1] = "/" .. tp
    script[#script + 1] = "insmod /" .. tp
    local deps = {}
    for _, d in ipairs(m.deps) do
      if d:sub(1, #abs) == abs then d = d:sub(#abs + 1) end
      deps[#deps + 1] = uncompressed(d)
    end
    dep[#dep + 1] = uncompressed(rel) .. ":" .. (#deps > 0 and " " .. table.concat(deps, " ") or "")
  end
  table.sort(dep)
  local attrs = { mode = 420, uid = own.uid, gid = own.gid, mtime = own.mtime }
  attrs.data = table.concat(dep, "\n") .. (#dep > 0 and "\n" or "")
  t:add("file", atp .. "/modules.dep", attrs, level)
  if spec.list then
    local o = { mode = 420, uid = own.uid, gid = own.gid, mtime = own.mtime }
    o.data = table.concat(paths, "\n") .. (#paths > 0 and "\n" or "")
    t:add("file", spec.list, o, level)
  end
  return { order = order, paths = paths, builtin = skipped,
    script = table.concat(script, "\n") .. (#script > 0 and "\n" or "") }
end

return K
