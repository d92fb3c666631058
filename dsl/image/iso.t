-- image.iso: ISO 9660 images (Rock Ridge, optional Joliet) with El Torito
-- boot records, made by xorriso from a tree.
--
--   local iso = image.iso{
--     tree = t,                                 -- an image.tree
--     volid = "MYLIVE",                         -- volume id (default "ISOIMAGE")
--     bios = { image = "isolinux/isolinux.bin", catalog = "isolinux/boot.cat" },
--     efi = { fat = esp, path = "boot/efi.img" },   -- or { image = "path/in/tree" }
--                                               -- partition = true: also MBR partition 2 (0xEF)
--   }
--   iso:write("live.iso")                       -- or iso.writer(path) in a terra main
--
-- The tree is staged into PATH.stage (regular files, directories,
-- symlinks, hard links), then xorriso maps it and sets every entry's mode,
-- owner and time from the tree, so neither the umask, the user running the
-- build nor the clock shows in the image. Volume times come from the
-- tree's time option `mtime` or SOURCE_DATE_EPOCH. xorriso's output goes to
-- PATH.log, which is removed when it succeeds.
local U = require "image.util"
local X = require "image.exec"
local C = U.C

local I = {}

local Cx = terralib.includecstring [[
#include <sys/stat.h>
#include <unistd.h>
int mkdir(const char *, unsigned int);
]]

-- Staging operations, one per tree entry (or boot image).
local OP_DIR, OP_DATA, OP_HOST, OP_SYMLINK, OP_LINK = 0, 1, 2, 3, 4
struct I.Op { kind : int; path : int64; src : int64; n : int64 }

-- join writes "a/b" into a malloc'ed string.
local terra join(a : rawstring, b : rawstring) : rawstring
  var la, lb = C.strlen(a), C.strlen(b)
  var s = [rawstring](C.malloc(la + lb + 2))
  C.memcpy(s, a, la)
  s[la] = 47
  C.memcpy(s + la + 1, b, lb + 1)
  return s
end

-- stageone carries out one operation below dir; names and data are in B.
local terra stageone(dir : rawstring, op : &I.Op, B : &uint8) : bool
  var path = join(dir, [rawstring](B + op.path))
  defer C.free(path)
  if op.kind == OP_DIR then
    if Cx.mkdir(path, 493) ~= 0 then U.report("cannot create directory", path) return false end
    return true
  elseif op.kind == OP_SYMLINK then
    if C.symlink([rawstring](B + op.src), path) ~= 0 then U.report("cannot create symlink", path) return false end
    return true
  elseif op.kind == OP_LINK then
    var to = join(dir, [rawstring](B + op.src))
    defer C.free(to)
    if C.link(to, path) ~= 0 then U.report("cannot create hard link", path) return false end
    return true
  end
  var fd = U.openw(path, op.n)
  if fd < 0 then return false end
  defer C.close(fd)
  if op.kind == OP_DATA then
    if not U.pwriteall(fd, B + op.src, op.n, 0) then U.report("cannot write", path) return false end
    return true
  end
  var host = [rawstring](B + op.src)
  var src = U.openr(host)
  if src < 0 then return false end
  defer C.close(src)
  if U.filesize(src) ~= op.n then
    C.fprintf(C.stderr, "image.iso: %s changed size since the build script ran\n", host)
    return false
  end
  if not U.copy(src, 0, fd, 0, op.n) then U.report("cannot copy", host) return false end
  return true
end

-- pushstr appends s and its NUL at buf + pos and returns the new end.
local terra pushstr(buf : rawstring, pos : int64, s : rawstring) : int64
  var n = C.strlen(s)
  C.memcpy(buf + pos, s, n + 1)
  return pos + n + 1
end

-- civil time for xorriso's uuid timestamp: YYYYMMDDhhmmss00.
local function uuidtime(t)
  local y, mo, d, h, mi, s = U.civil(t)
  return string.format("%04d%02d%02d%02d%02d%02d00", y, mo, d, h, mi, s)
end

-- groups turns { key -> list of paths } into xorriso commands
-- "CMD KEY path... --", keys sorted so that the argv is always the same.
local function groups(argv, cmd, byKey)
  local keys = {}
  for k in pairs(byKey) do keys[#keys + 1] = k end
  table.sort(keys)
  for _, k in ipairs(keys) do
    argv[#argv + 1] = cmd
    argv[#argv + 1] = k
    for _, p in ipairs(byKey[k]) do argv[#argv + 1] = p end
    argv[#argv + 1] = "--"
  end
end

local function addto(t, k, v)
  local l = t[k]
  if not l then l = {}; t[k] = l end
  l[#l + 1] = v
end

function I.iso(spec)
  local level = 1
  if type(spec) ~= "table" then U.fail(level, "image.iso: { tree = ..., volid = ..., bios = ..., efi = ... } expected") end
  local tree = spec.tree
  if not (require "image.tree").istree(tree) then U.fail(level, "image.iso: tree = image.tree{...} expected") end
  local volid = spec.volid or "ISOIMAGE"
  if type(volid) ~= "string" or #volid == 0 or #volid > 32 or volid:find("[^%w_%-%. ]") then
    U.fail(level, "image.iso: volid must be 1-32 characters of A-Z a-z 0-9 _ - . and blank, got %s", tostring(volid))
  end
  local epoch = spec.mtime or tree.mtime or U.epoch()
  if type(epoch) ~= "number" or epoch < 0 or epoch ~= math.floor(epoch) then U.fail(level, "image.iso: mtime must be seconds since 1970") end

  local blob = U.blob()
  local ops = {}
  -- Every node first gets the defaults (owner 0:0, 0755 for directories,
  -- 0644 for files, the volume time); then only the entries that differ
  -- are named, so that a large tree does not make a huge argv.
  local modes, uids, gids, times = {}, {}, {}, {}
  local function attrs(path, e)
    local default = e.kind == "dir" and 493 or 420
    if e.kind ~= "symlink" and e.mode ~= default then addto(modes, string.format("%04o", e.mode), path) end
    if e.uid ~= 0 then addto(uids, tostring(e.uid), path) end
    if e.gid ~= 0 then addto(gids, tostring(e.gid), path) end
    if e.mtime ~= epoch then addto(times, "=" .. e.mtime, path) end
  end
  local links = {} -- hard links are made after every file exists
  for _, e in ipairs(tree:entries()) do
    local op = { kind = 0, path = blob:add(e.path .. "\0"), src = 0, n = 0 }
    if e.kind == "dir" then
      op.kind = OP_DIR
    elseif e.kind == "file" and e.data then
      op.kind, op.src, op.n = OP_DATA, blob:add(e.data), #e.data
    elseif e.kind == "file" then
      op.kind, op.src, op.n = OP_HOST, blob:add(e.host .. "\0"), e.size
    elseif e.kind == "symlink" then
      op.kind, op.src = OP_SYMLINK, blob:add(e.target .. "\0")
    elseif e.kind == "hardlink" then
      op.kind, op.src = OP_LINK, blob:add(e.target .. "\0")
    else
      U.fail(level, "image.iso: %s: a %s device or fifo cannot be staged for xorriso (ISO trees hold files, directories and links)", e.path, e.kind)
    end
    if op.kind == OP_LINK then links[#links + 1] = op else ops[#ops + 1] = op end
    attrs("/" .. e.path, e)
  end
  for _, op in ipairs(links) do ops[#ops + 1] = op end

  -- El Torito
  local boot = {}
  local function treefile(p, what)
    if type(p) ~= "string" then U.fail(level + 1, "image.iso: %s must be a path in the tree", what) end
    local e = tree:get(p)
    if not e or (e.kind ~= "file" and e.kind ~= "hardlink") then U.fail(level + 1, "image.iso: %s %s is not a file of the tree", what, p) end
    return "/" .. (require "image.tree").cleanpath(p)
  end
  local efifat, efipath, efipart
  local bios, efi = spec.bios, spec.efi
  if bios ~= nil and type(bios) ~= "table" then U.fail(level, "image.iso: bios = { image = ..., catalog = ... } expected") end
  if efi ~= nil and type(efi) ~= "table" then U.fail(level, "image.iso: efi = { image = ... } or { fat = ... } expected") end
  local catalog = (bios and bios.catalog) or (efi and efi.catalog) or "boot.catalog"
  local why
  catalog, why = (require "image.tree").cleanpath(catalog)
  if not catalog then U.fail(level, "image.iso: boot catalog: %s", why) end
  if bios or efi then
    if tree:get(catalog) then U.fail(level, "image.iso: the boot catalog %s would replace a tree entry", catalog) end
    boot[#boot + 1] = "cat_path=/" .. catalog
  end
  if bios then
    boot[#boot + 1] = "bin_path=" .. treefile(bios.image, "bios.image")
    boot[#boot + 1] = "platform_id=0x00"
    boot[#boot + 1] = "emul_type=no_emulation"
    local ls = bios.load_size or 2048
    if type(ls) ~= "number" or ls % 512 ~= 0 or ls <= 0 then U.fail(level, "image.iso: bios.load_size must be a multiple of 512 bytes") end
    boot[#boot + 1] = "load_size=" .. ls
    if bios.info_table ~= false then boot[#boot + 1] = "boot_info_table=on" end
  end
  if efi then
    if bios then boot[#boot + 1] = "next" end
    if efi.fat ~= nil then
      if type(efi.fat) ~= "table" or not terralib.isfunction(efi.fat.writer) then
        U.fail(level, "image.iso: efi.fat must be an image.fat{...} object")
      end
      efipath = (require "image.tree").cleanpath(efi.path or "boot/efi.img")
      if not efipath then U.fail(level, "image.iso: efi.path %s is not a valid path", tostring(efi.path)) end
      if tree:get(efipath) then U.fail(level, "image.iso: efi.path %s is already in the tree", efipath) end
      local dir = efipath:match("^(.*)/[^/]*$")
      if dir and (not tree:get(dir) or tree:get(dir).kind ~= "dir") then
        U.fail(level, "image.iso: efi.path %s: directory %s is not in the tree", efipath, dir)
      end
      efifat = efi.fat
      attrs("/" .. efipath, { kind = "file", mode = 420, uid = 0, gid = 0, mtime = epoch })
      boot[#boot + 1] = "efi_path=/" .. efipath
    else
      local p = treefile(efi.image, "efi.image")
      boot[#boot + 1] = "efi_path=" .. p
      efipath = p:sub(2)
    end
    if efi.partition ~= nil and type(efi.partition) ~= "boolean" then U.fail(level, "image.iso: efi.partition must be true or false") end
    efipart = efi.partition
    boot[#boot + 1] = "platform_id=0xef"
    boot[#boot + 1] = "emul_type=no_emulation"
  end

  -- xorriso's argv, around "-outdev PATH -map STAGE /"
  local head = { "xorriso", "-no_rc", "-abort_on", "FAILURE", "-iso_rr_pattern", "off", "-disk_pattern", "off" }
  local tail = { "-volid", volid }
  if spec.joliet then tail[#tail + 1] = "-joliet"; tail[#tail + 1] = "on" end
  for _, v in ipairs {
    "-chown_r", "0", "/", "--", "-chgrp_r", "0", "/", "--",
    "-find", "/", "-type", "d", "-exec", "chmod", "0755", "--",
    "-find", "/", "-type", "f", "-exec", "chmod", "0644", "--",
    "-alter_date_r", "b-c", "=" .. epoch, "/", "--" } do tail[#tail + 1] = v end
  groups(tail, "-chmod", modes)
  groups(tail, "-chown", uids)
  groups(tail, "-chgrp", gids)
  local tkeys = {}
  for k in pairs(times) do tkeys[#tkeys + 1] = k end
  table.sort(tkeys)
  for _, k in ipairs(tkeys) do
    tail[#tail + 1] = "-alter_date"; tail[#tail + 1] = "b-c"; tail[#tail + 1] = k
    for _, p in ipairs(times[k]) do tail[#tail + 1] = p end
    tail[#tail + 1] = "--"
  end
  for _, v in ipairs {
    "-volume_date", "c", "=" .. epoch, "-volume_date", "m", "=" .. epoch,
    "-volume_date", "uuid", uuidtime(epoch), "-volume_date", "all_file_dates", "set_to_mtime",
    "-iso_nowtime", "=" .. epoch } do tail[#tail + 1] = v end
  for _, b in ipairs(boot) do tail[#tail + 1] = "-boot_image"; tail[#tail + 1] = "any"; tail[#tail + 1] = b end
  local env = { SOURCE_DATE_EPOCH = tostring(epoch) }
  local hp = X.pack({ argv = head, env = env }, level)
  local tp = X.pack({ argv = tail }, level)

  local function arr(T, list, empty)
    if #list == 0 then list = { empty } end
    return global(T[#list], list)
  end
  local OPS, nops = arr(I.Op, ops, { kind = 0, path = 0, src = 0, n = 0 }), #ops
  local B = blob:constant()
  local HEAD, NHEAD = constant(hp.args), hp.nargs
  local TAIL, NTAIL, TAILLEN = constant(tp.args), tp.nargs, #tp.args
  local ENV, NENV = constant(hp.envs), hp.nenv
  local EFIPATH = efipath and constant(efipath) or `nil
  local efiwriter = efifat and efifat.writer
  local RM = constant("rm\0-rf\0")

  -- The EFI image as an appended MBR partition too (type 0xEF), so that
  -- the image written to a USB stick boots on UEFI machines.
  local PART = efipart and constant(efipath) or `nil
  local nlate = efipart and 4 or 0
  local iso = { volid = volid, tree = tree, argv = { head = head, tail = tail } }

  -- rmrf removes dir with rm -rf (argv, no shell).
  local terra rmrf(dir : rawstring) : int
    var buf = [rawstring](C.malloc(C.strlen(dir) + 8))
    defer C.free(buf)
    C.memcpy(buf, RM, 7)
    C.strcpy(buf + 7, dir)
    return X.run(buf, 3, ENV, NENV, nil, nil, 0)
  end

  iso.writer = terra(path : rawstring) : int
    var n = C.strlen(path)
    var stage = [rawstring](C.malloc(n + 8))
    defer C.free(stage)
    C.strcpy(stage, path) C.strcat(stage, ".stage")
    var log = [rawstring](C.malloc(n + 8))
    defer C.free(log)
    C.strcpy(log, path) C.strcat(log, ".log")
    if rmrf(stage) ~= 0 then return -1 end
    if Cx.mkdir(stage, 493) ~= 0 then U.report("cannot create directory", stage) return -1 end
    var ok = true
    for i = 0, nops do
      if not stageone(stage, &OPS[i], [&uint8](B)) then ok = false break end
    end
    escape
      if efiwriter then
        emit quote
          if ok then
            var p = join(stage, EFIPATH)
            ok = efiwriter(p, 0, true) == 0
            C.free(p)
          end
        end
      end
    end
    var st = -1
    if ok then
      C.unlink(path)
      C.unlink(log)
      -- head, then -outdev PATH -map STAGE /, then the tail
      var args = [rawstring](C.malloc([#hp.args] + 3 * n + 96 + TAILLEN + [efipath and #efipath or 0]))
      defer C.free(args)
      C.memcpy(args, HEAD, [#hp.args])
      var pos : int64 = [#hp.args]
      pos = pushstr(args, pos, "-outdev")
      pos = pushstr(args, pos, path)
      pos = pushstr(args, pos, "-map")
      pos = pushstr(args, pos, stage)
      pos = pushstr(args, pos, "/")
      C.memcpy(args + pos, TAIL, TAILLEN)
      pos = pos + TAILLEN
      escape
        if efipart then
          emit quote
            pos = pushstr(args, pos, "-append_partition")
            pos = pushstr(args, pos, "2")
            pos = pushstr(args, pos, "0xef")
            var p = join(stage, PART)
            pos = pushstr(args, pos, p)
            C.free(p)
          end
        end
      end
      pos = pushstr(args, pos, "-commit")
      st = X.run(args, NHEAD + 5 + NTAIL + nlate + 1, ENV, NENV, nil, log, 0)
      if st == [X.NOTFOUND] then
        C.fprintf(C.stderr, "image.iso: xorriso: command not found (Debian package xorriso)\n")
      elseif st ~= 0 then
        C.fprintf(C.stderr, "image.iso: xorriso failed (status %d), see %s\n", st, log)
      else
        C.unlink(log)
      end
    end
    rmrf(stage)
    if st == 0 then return 0 end
    return -1
  end

  function iso:write(path)
    if type(path) ~= "string" then U.fail(1, "image.iso: write(path) expected") end
    U.run(self.writer, 1, "image.iso write " .. path, path)
    self.path = path
    return self
  end
  return iso
end

return I
