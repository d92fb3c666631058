-- image.ext4: an ext4 file system holding a tree, made by e2fsprogs as
-- non-root and reproducibly.
--
--   local fs = image.ext4{ tree = t, size = "256M", label = "root", seed = "s" }
--   fs:write("root.img")            -- or fs.writer : terra(path : rawstring) : int
--
-- e2fsprogs before 1.47.1 take only a directory for `mke2fs -d`, and a
-- directory cannot hold root-owned files or device nodes without root. So
-- the writer stages the tree's files, directories and links in a scratch
-- directory beside the output (through the tar writer and the extractor),
-- runs `mke2fs -d`, then has `debugfs -w` set every inode's owner, mode and
-- times and make the device nodes and FIFOs. The UUID and the directory
-- hash seed derive from seed, and E2FSPROGS_FAKE_TIME fixes the times
-- mke2fs and debugfs would take from the clock, so two builds give the
-- same bytes.
local U = require "image.util"
local T = require "image.tree"
local X = require "image.exec"
local A = require "image.archive"
local R = require("image.extract").R
local C = U.C

local E = {}

local TYPEBITS = { file = 0x8000, dir = 0x4000, symlink = 0xA000, char = 0x2000, block = 0x6000, fifo = 0x1000 }

-- withbits is mode with the owner bits of b (0600 or 0700) added.
local function withbits(mode, b)
  local owner, want, sum = math.floor(mode / 64) % 8, math.floor(b / 64) % 8, 0
  for _, bit in ipairs{ 4, 2, 1 } do
    if math.floor(owner / bit) % 2 == 1 or math.floor(want / bit) % 2 == 1 then sum = sum + bit end
  end
  return mode - owner * 64 + sum * 64
end

-- stageable copies the parts of tree a plain directory can hold.
local function stageable(tree)
  local s = T.tree()
  local links = {}
  for _, e in ipairs(tree:entries()) do
    -- owner read/write(/search) so that mke2fs can read what it copies
    -- without root; debugfs sets the tree's modes afterwards
    if e.kind == "file" then s:add("file", e.path, { data = e.data, host = e.host, mode = withbits(e.mode, 384) })
    elseif e.kind == "dir" then s:add("dir", e.path, { mode = withbits(e.mode, 448) })
    elseif e.kind == "symlink" then s:add("symlink", e.path, { target = e.target })
    elseif e.kind == "hardlink" then links[#links + 1] = e end
  end
  for _, e in ipairs(links) do s:add("hardlink", e.path, { target = e.target }) end
  return s
end

local function q(p, what, level)
  if p:find('["\n\\]') then U.fail(level, "%s: %s: debugfs cannot name a path holding a quote, backslash or newline", what, p) end
  return '"' .. p .. '"'
end

-- script is the debugfs command file: every inode gets its tree owner,
-- mode and times; device nodes and FIFOs are made here.
local function script(tree, epoch, what, level)
  local out = {}
  local function attrs(p, e)
    out[#out + 1] = string.format("sif %s mode 0%o", p, TYPEBITS[e.kind] + e.mode)
    out[#out + 1] = string.format("sif %s uid %d", p, e.uid)
    out[#out + 1] = string.format("sif %s gid %d", p, e.gid)
    for _, f in ipairs{ "atime", "mtime", "ctime", "crtime" } do
      out[#out + 1] = string.format("sif %s %s @%d", p, f, e.mtime)
    end
  end
  for _, f in ipairs{ "atime", "mtime", "ctime", "crtime" } do
    out[#out + 1] = string.format("sif / %s @%d", f, epoch)
    out[#out + 1] = string.format("sif /lost+found %s @%d", f, epoch)
  end
  for _, e in ipairs(tree:entries()) do
    local p = q("/" .. e.path, what, level)
    if e.kind == "char" or e.kind == "block" or e.kind == "fifo" then
      local dir, leaf = e.path:match("^(.*)/([^/]*)$")
      out[#out + 1] = "cd " .. q("/" .. (dir or ""), what, level)
      if e.kind == "fifo" then
        out[#out + 1] = string.format("mknod %s p", q(leaf or e.path, what, level))
      else
        out[#out + 1] = string.format("mknod %s %s %d %d", q(leaf or e.path, what, level), e.kind == "char" and "c" or "b", e.major, e.minor)
      end
      out[#out + 1] = "cd /"
    end
    if e.kind ~= "hardlink" then attrs(p, e) end
  end
  return table.concat(out, "\n") .. "\n"
end

function E.ext4(spec)
  local what = "image.ext4"
  if type(spec) ~= "table" or not T.istree(spec.tree) then U.fail(1, "%s: {tree = image.tree{...}, size = \"64M\", ...} expected", what) end
  local size = U.size(spec.size, what .. ": size", 1)
  if size % 1024 ~= 0 or size < 1024 * 1024 then U.fail(1, "%s: size must be a multiple of 1 KiB and at least 1 MiB", what) end
  local tree = spec.tree
  local epoch = spec.mtime or U.epoch()
  local seed = tostring(spec.seed or "")
  local uuid = U.guidstring(U.seedguid(seed, "ext4 uuid"))
  local hash = U.guidstring(U.seedguid(seed, "ext4 hash seed"))
  local argv = { "mke2fs", "-q", "-F", "-t", "ext4", "-U", uuid, "-E", "root_owner=0:0,hash_seed=" .. hash }
  if spec.label then
    if type(spec.label) ~= "string" or #spec.label > 16 then U.fail(1, "%s: label must be a string of at most 16 bytes", what) end
    argv[#argv + 1] = "-L"; argv[#argv + 1] = spec.label
  end
  if spec.block then argv[#argv + 1] = "-b"; argv[#argv + 1] = tostring(spec.block) end
  if spec.inodes then argv[#argv + 1] = "-N"; argv[#argv + 1] = tostring(spec.inodes) end
  local env = { PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    E2FSPROGS_FAKE_TIME = tostring(epoch), SOURCE_DATE_EPOCH = tostring(epoch) }
  local cmds = script(tree, epoch, what, 3)
  local stagetar = A.tar(stageable(tree))
  local kib = size / 1024

  -- The output path is known only when the writer runs, so the argv
  -- ends are filled in there: mke2fs ... -d STAGE PATH SIZEk.
  local mk = X.pack({ argv = argv, env = env }, 1)
  local dbg = X.pack({ argv = { "debugfs", "-w", "-f" }, env = env }, 1)
  local rm = X.pack({ argv = { "rm", "-rf" }, env = env }, 1)
  local fs = { size = size, uuid = uuid, hashseed = hash }
  -- run runs the packed argv p followed by nextra more strings, logging
  -- stdout and stderr to logp.
  local terra run(p : rawstring, np : int, e : rawstring, ne : int, extra : rawstring, nextra : int,
                  logp : rawstring) : int
    var plen : int64 = 0
    for i = 0, np do plen = plen + C.strlen(p + plen) + 1 end
    var elen : int64 = 0
    for i = 0, nextra do elen = elen + C.strlen(extra + elen) + 1 end
    var buf = [rawstring](C.malloc(plen + elen + 1))
    C.memcpy(buf, p, plen)
    C.memcpy(buf + plen, extra, elen)
    var st = X.run(buf, np + nextra, e, ne, nil, logp, 0)
    C.free(buf)
    return st
  end
  local terra join(buf : rawstring, a : rawstring, b : rawstring) : rawstring
    C.strcpy(buf, a) C.strcat(buf, b) return buf
  end
  fs.writer = terra(path : rawstring) : int
    var n = C.strlen(path)
    var stage = [rawstring](C.malloc(n + 16))
    var tarp = [rawstring](C.malloc(n + 16))
    var cmdp = [rawstring](C.malloc(n + 16))
    var logp = [rawstring](C.malloc(n + 16))
    join(logp, path, ".log")
    C.unlink(logp)
    join(stage, path, ".stage.tmp")
    join(tarp, path, ".tar.tmp")
    join(cmdp, path, ".debugfs.tmp")
    var rc = -1
    var extra : int8[4096]
    var st : int
    run(rm.args, rm.nargs, rm.envs, rm.nenv, stage, 1, logp)
    if stagetar.writer(tarp) ~= 0 then goto done end
    if R.extract(tarp, stage) ~= 0 then goto done end
    C.unlink(path)
    -- "-d" STAGE PATH SIZEk
    do
      var k = C.snprintf(&extra[0], 4096, "-d%c%s%c%s%c%lldk", 0, stage, 0, path, 0, [int64](kib))
      if k >= 4000 then goto done end
    end
    st = run(mk.args, mk.nargs, mk.envs, mk.nenv, &extra[0], 4, logp)
    if st ~= 0 then U.C.fprintf(U.C.stderr, "image.ext4: mke2fs failed (status %d), see %s\n", st, logp) goto done end
    do
      var fd = U.openw(cmdp, 0)
      if fd < 0 then goto done end
      var ok = U.pwriteall(fd, [&uint8](cmds), [#cmds], 0)
      C.close(fd)
      if not ok then goto done end
    end
    C.snprintf(&extra[0], 4096, "%s%c%s", cmdp, 0, path)
    st = run(dbg.args, dbg.nargs, dbg.envs, dbg.nenv, &extra[0], 2, logp)
    if st ~= 0 then U.C.fprintf(U.C.stderr, "image.ext4: debugfs failed (status %d), see %s\n", st, logp) goto done end
    rc = 0
    ::done::
    run(rm.args, rm.nargs, rm.envs, rm.nenv, stage, 1, logp)
    C.unlink(tarp)
    C.unlink(cmdp)
    if rc == 0 then C.unlink(logp) end
    C.free(stage) C.free(tarp) C.free(cmdp) C.free(logp)
    return rc
  end
  function fs:write(path)
    if type(path) ~= "string" then U.fail(1, "%s: write(path) expected", what) end
    U.run(self.writer, 1, what .. " write " .. path, path)
    self.path = path
    return self
  end
  return fs
end

return E
