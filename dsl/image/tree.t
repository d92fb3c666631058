-- image.tree: an in-memory file tree with explicit owners, modes and times,
-- so that archives and file systems can hold device nodes and root-owned
-- files without root. The archive and file-system writers read it through
-- tree:entries().
--
--   local t = image.tree{ uid = 0, gid = 0, mtime = 0 }   -- defaults (all optional)
--   t:dir("etc")                                           -- mode 0755
--   t:file("etc/hostname", { data = "box\n" })             -- mode 0644
--   t:file("bin/busybox", { host = "/bin/busybox", mode = "0755" })
--   t:symlink("bin/sh", "busybox")
--   t:hardlink("bin/ash", "bin/busybox")
--   t:chardev("dev/console", 5, 1, { mode = "0600" })
--   t:blockdev("dev/vda", 254, 0)
--   t:fifo("run/initctl")
--
-- Building on that (see docs/image.md, "Trees"):
--   t:merge(other [, at]) / t:overlay(other [, at]) / t:copy()
--   t:add_host_dir(hostdir [, at, opts])     -- never follows host symlinks
--   t:read(path) / t:setdata(path, bytes)
--   t:sed(path, regex, replacement [, opts])  -- first match, POSIX ERE
--   t:kconfig(path [, edits])                 -- :set :unset :get
--   t:inittab{...} t:fstab{...} t:rcS{...} t:users{...}   (image.rootfs)
--   t:binary(path [, hostbin]) / t:libs(hostbin)          (image.elf)
--   t:modules{ dir = ..., names = {...} }                  (image.kmod)
--
-- Paths are relative to the tree's root ("/etc" and "etc" are the same);
-- "..", "." and empty components are rejected so that no entry can name a
-- place outside the tree. Missing parent directories are created (mode
-- 0755, the tree's owners and time). Adding a path that exists replaces
-- the entry, except that a directory added over a directory only updates
-- its attributes.
local U = require "image.util"

local M = {}

local Tree = {}
Tree.__index = Tree
M.Tree = Tree

local KINDS = { file = true, dir = true, symlink = true, hardlink = true, char = true, block = true, fifo = true }
M.KINDS = KINDS

-- istree reports whether v is a tree object.
function M.istree(v)
  return getmetatable(v) == Tree
end

-- mode accepts a number or an octal string ("0755", "755").
local function parsemode(v, what, level)
  if type(v) == "number" then
    if v < 0 or v > 4095 or v ~= math.floor(v) then U.fail(level + 1, "%s: bad mode %s", what, tostring(v)) end
    return v
  end
  if type(v) == "string" and v:match("^0?[0-7]+$") and tonumber(v, 8) <= 4095 then
    return tonumber(v, 8)
  end
  U.fail(level + 1, "%s: bad mode %s (a number or an octal string such as \"0755\")", what, tostring(v))
end
M.parsemode = parsemode

local function count(what, v, level)
  if type(v) ~= "number" or v < 0 or v ~= math.floor(v) then
    U.fail(level + 1, "%s must be a whole number >= 0, got %s", what, tostring(v))
  end
  return v
end

-- cleanpath normalizes p to "a/b/c" and rejects anything that could leave
-- the tree. It returns nil and a reason instead of failing when check is
-- set, for readers that skip or reject entries themselves.
function M.cleanpath(p)
  if type(p) ~= "string" then return nil, "path must be a string" end
  if p:find("%z") then return nil, "path holds a NUL byte" end
  -- the common case, already clean, without building a table
  if p ~= "" and p:byte(1) ~= 47 and p:byte(-1) ~= 47 and not p:find("//", 1, true)
    and not ("/" .. p .. "/"):find("/%.%.?/") then
    return p
  end
  local parts = {}
  for c in p:gmatch("[^/]+") do
    if c == ".." then return nil, "'..' is not allowed in paths" end
    if c ~= "." then parts[#parts + 1] = c end
  end
  if #parts == 0 then return nil, "empty path (the root cannot be an entry)" end
  return table.concat(parts, "/")
end

-- show prints a path for a message, with control bytes escaped.
function M.show(p)
  if type(p) ~= "string" then return tostring(p) end
  return (p:gsub("%c", function(c) return string.format("\\x%02x", c:byte()) end))
end

local function clean(p, level)
  local c, why = M.cleanpath(p)
  if not c then U.fail(level + 1, "image.tree: %s: %s", M.show(p), why) end
  return c
end

local function parent(p)
  return p:match("^(.*)/[^/]*$")
end

-- new makes a tree. opts: uid, gid, mtime (default SOURCE_DATE_EPOCH, else
-- 1980-01-01) for entries that do not give their own.
function M.tree(opts, level)
  level = (level or 0) + 1
  opts = opts or {}
  if type(opts) ~= "table" then U.fail(level, "image.tree: {uid = ..., gid = ..., mtime = ...} expected") end
  local t = setmetatable({ byPath = {}, uid = 0, gid = 0, mtime = U.epoch() }, Tree)
  if opts.uid ~= nil then t.uid = count("image.tree: uid", opts.uid, level) end
  if opts.gid ~= nil then t.gid = count("image.tree: gid", opts.gid, level) end
  if opts.mtime ~= nil then t.mtime = count("image.tree: mtime", opts.mtime, level) end
  return t
end

-- XBIT[mode]: the mode has an execute bit.
local XBIT = {}
for m = 0, 4095 do XBIT[m] = m % 2 == 1 or math.floor(m / 8) % 2 == 1 or math.floor(m / 64) % 2 == 1 end

local DEFAULT_MODE = { file = 420, dir = 493, symlink = 511, hardlink = 420, char = 384, block = 384, fifo = 420 }

-- add puts a new entry at path; level is the caller's frame for errors.
-- (Calls that pass a level are wrapped in parentheses so that they are
-- not tail calls: a tail call drops the frame the level counts.)
function Tree:add(kind, path, opts, level)
  level = (level or 0) + 1
  if not KINDS[kind] then U.fail(level, "image.tree: unknown entry kind %s", tostring(kind)) end
  opts = opts or {}
  local p = clean(path, level)
  local what = "image.tree: " .. p
  local e = {
    path = p, kind = kind,
    mode = opts.mode ~= nil and parsemode(opts.mode, what, level) or DEFAULT_MODE[kind],
    uid = opts.uid ~= nil and count(what .. ": uid", opts.uid, level) or self.uid,
    gid = opts.gid ~= nil and count(what .. ": gid", opts.gid, level) or self.gid,
    mtime = opts.mtime ~= nil and count(what .. ": mtime", opts.mtime, level) or self.mtime,
  }
  if kind == "file" then
    if opts.data ~= nil then
      if type(opts.data) ~= "string" then U.fail(level, "%s: data must be a string", what) end
      e.data, e.size = opts.data, #opts.data
    elseif opts.host ~= nil then
      if type(opts.host) ~= "string" then U.fail(level, "%s: host must be a path", what) end
      local n = tonumber(require("image.hostfs").filesize(opts.host))
      if n == -2 then U.fail(level, "%s: host file %s is a directory (see add_host_dir)", what, opts.host) end
      if n < 0 then U.fail(level, "%s: cannot open host file %s", what, opts.host) end
      e.host, e.size = opts.host, n
    else
      U.fail(level, "%s: a file needs data = \"...\" or host = \"path\"", what)
    end
  elseif kind == "dir" then
    e.dir = true -- the shape image.fat's file lists use
  elseif kind == "symlink" then
    if type(opts.target) ~= "string" or opts.target == "" then U.fail(level, "%s: a symlink needs a target", what) end
    if opts.target:find("%z") then U.fail(level, "%s: symlink target %s holds a NUL byte", what, M.show(opts.target)) end
    e.target = opts.target -- stored as given, never followed on the host
  elseif kind == "hardlink" then
    local why
    e.target, why = M.cleanpath(opts.target)
    if not e.target then U.fail(level, "%s: hard link to %s: %s", what, M.show(opts.target), why) end
    local to = self.byPath[e.target]
    if not to then U.fail(level, "%s: hard link to %s, which is not in the tree", what, e.target) end
    if to.kind ~= "file" then U.fail(level, "%s: hard link to %s, which is a %s", what, e.target, to.kind) end
  elseif kind == "char" or kind == "block" then
    e.major = count(what .. ": major", opts.major, level)
    e.minor = count(what .. ": minor", opts.minor, level)
  end
  -- parents
  local dir = parent(p)
  if dir then
    local d = self.byPath[dir]
    if d == nil then
      self:add("dir", dir, { uid = self.uid, gid = self.gid, mtime = self.mtime }, level).implicit = true
    elseif d.kind ~= "dir" then
      U.fail(level, "%s: %s is a %s, not a directory", what, dir, d.kind)
    end
  end
  local old = self.byPath[p]
  if old and old.kind == "dir" then
    if kind == "dir" then
      old.mode, old.uid, old.gid, old.mtime = e.mode, e.uid, e.gid, e.mtime
      old.implicit = nil
      return old
    end
    self:remove(p)
  end
  self.byPath[p] = e
  self.sorted = nil
  return e
end

function Tree:file(path, opts) return (self:add("file", path, opts, 1)) end
function Tree:dir(path, opts) return (self:add("dir", path, opts, 1)) end
function Tree:fifo(path, opts) return (self:add("fifo", path, opts, 1)) end

function Tree:symlink(path, target, opts)
  local o = {}
  for k, v in pairs(opts or {}) do o[k] = v end
  o.target = target
  return (self:add("symlink", path, o, 1))
end

function Tree:hardlink(path, target, opts)
  local o = {}
  for k, v in pairs(opts or {}) do o[k] = v end
  o.target = target
  return (self:add("hardlink", path, o, 1))
end

local function device(self, kind, path, major, minor, opts)
  local o = {}
  for k, v in pairs(opts or {}) do o[k] = v end
  o.major, o.minor = major, minor
  return (self:add(kind, path, o, 2))
end
function Tree:chardev(path, major, minor, opts) return device(self, "char", path, major, minor, opts) end
function Tree:blockdev(path, major, minor, opts) return device(self, "block", path, major, minor, opts) end

-- get returns the entry at path, or nil.
function Tree:get(path)
  local p = M.cleanpath(path)
  return p and self.byPath[p]
end

-- remove deletes path and, for a directory, everything under it.
function Tree:remove(path)
  local p = clean(path, 1)
  if not self.byPath[p] then return false end
  local prefix = p .. "/"
  for q in pairs(self.byPath) do
    if q == p or q:sub(1, #prefix) == prefix then self.byPath[q] = nil end
  end
  self.sorted = nil
  return true
end

-- The sort of entries() runs in Terra: with tens of thousands of paths a
-- Lua comparison function is most of a build's time.
local SortKey = terralib.types.newstruct("SortKey")
SortKey.entries:insert({ field = "p", type = &uint8 })
SortKey.entries:insert({ field = "i", type = int32 })

-- pathcmp orders NUL-terminated paths bytewise, except that "/" comes
-- before every other byte, so that a directory's contents follow it.
local terra pathcmp(a : &opaque, b : &opaque) : int
  var x, y = [&SortKey](a).p, [&SortKey](b).p
  while true do
    var cx, cy = [int](@x), [int](@y)
    if cx ~= cy then
      if cx == 0 then return -1 end
      if cy == 0 then return 1 end
      if cx == 47 then return -1 end
      if cy == 47 then return 1 end
      return cx - cy
    end
    if cx == 0 then return 0 end
    x, y = x + 1, y + 1
  end
end

-- sortpaths sorts n NUL-separated paths in blob and writes their indices
-- (from 0) into order.
local terra sortpaths(blob : rawstring, n : int32, order : &int32)
  var keys = [&SortKey](U.C.malloc(sizeof(SortKey) * n))
  var p = [&uint8](blob)
  for i = 0, n do
    keys[i].p, keys[i].i = p, i
    while @p ~= 0 do p = p + 1 end
    p = p + 1
  end
  U.C.qsort(keys, n, sizeof(SortKey), pathcmp)
  for i = 0, n do order[i] = keys[i].i end
  U.C.free(keys)
end

-- entries lists every entry, parents before children, sorted by path
-- bytes with "/" ordered first so that a directory's contents follow it.
function Tree:entries()
  if self.sorted then return self.sorted end
  local list, paths = {}, {}
  for p, e in pairs(self.byPath) do
    list[#list + 1] = e
    paths[#paths + 1] = p
  end
  local n = #list
  if n > 1 then
    local order = terralib.new(int32[n])
    sortpaths(table.concat(paths, "\0") .. "\0", n, order)
    local sorted = {}
    for i = 1, n do sorted[i] = list[order[i - 1] + 1] end
    list = sorted
  end
  self.sorted = list
  return list
end

-- len is the number of entries.
function Tree:len()
  return #self:entries()
end

---------------------------------------------------------------------------
-- Combining trees

local function copyentry(e)
  local c = {}
  for k, v in pairs(e) do c[k] = v end
  return c
end

-- same reports whether two entries describe the same thing.
local function same(a, b)
  if a.kind ~= b.kind or a.mode ~= b.mode or a.uid ~= b.uid or a.gid ~= b.gid then return false end
  if a.kind == "dir" then return true end
  if a.mtime ~= b.mtime or a.target ~= b.target or a.major ~= b.major or a.minor ~= b.minor then return false end
  if a.kind == "file" then return a.data == b.data and a.host == b.host and a.size == b.size end
  return true
end

-- graft copies other's entries under prefix at (nil: the root). With
-- conflict set, a path held by both trees is an error unless both are
-- directories (the receiving tree keeps its attributes) or the entries
-- are the same; otherwise other's entry wins, except that a directory
-- other only created as a parent does not change an existing one.
local function graft(self, other, at, conflict, what, level)
  level = level + 1
  if not M.istree(other) then U.fail(level, "image.tree: %s: a tree expected, got %s", what, type(other)) end
  local prefix = ""
  if at ~= nil and at ~= "" and at ~= "/" then
    prefix = clean(at, level) .. "/"
    if not self.byPath[prefix:sub(1, -2)] then self:add("dir", prefix:sub(1, -2), nil, level) end
  end
  local links = {}
  for _, e in ipairs(other:entries()) do
    local p = prefix .. e.path
    local old = self.byPath[p]
    if old and conflict and not (old.kind == "dir" and e.kind == "dir") and not same(old, e) then
      if old.kind == e.kind then
        U.fail(level, "image.tree: %s: %s is in both trees, with different %s", what, p,
          e.kind == "file" and "contents or attributes" or "attributes")
      end
      U.fail(level, "image.tree: %s: %s is in both trees (a %s and a %s)", what, p, old.kind, e.kind)
    end
    if e.kind == "hardlink" then
      links[#links + 1] = e -- after their targets, wherever those sort
    elseif not (old and old.kind == "dir" and e.kind == "dir" and (conflict or e.implicit)) then
      local c = copyentry(e)
      c.path = nil
      local n = self:add(e.kind, p, c, level)
      if e.implicit and not old then n.implicit = true end
    end
  end
  for _, e in ipairs(links) do
    local c = copyentry(e)
    c.target = prefix .. e.target
    self:add("hardlink", prefix .. e.path, c, level)
  end
  return self
end

-- merge adds other's entries; a path in both trees is an error unless both
-- are directories or the entries are equal. at puts other under a subdirectory.
function Tree:merge(other, at)
  return (graft(self, other, at, true, "merge", 1))
end

-- overlay adds other's entries, replacing entries at the same paths (a
-- directory replaced by a non-directory goes with its contents).
function Tree:overlay(other, at)
  return (graft(self, other, at, false, "overlay", 1))
end

-- copy returns a new tree with the same defaults and copies of the entries.
function Tree:copy()
  local t = setmetatable({ byPath = {}, uid = self.uid, gid = self.gid, mtime = self.mtime }, Tree)
  for p, e in pairs(self.byPath) do t.byPath[p] = copyentry(e) end
  return t
end

---------------------------------------------------------------------------
-- Host directories

-- add_host_dir copies the host directory hostdir under at (nil: the root).
-- It never follows a symlink: links are stored with their targets as
-- read, and a linked directory is not entered. Owners, times and modes
-- come from opts or the tree, not from the host, so the result does not
-- depend on who checked the files out or their umask:
--   uid, gid, mtime: as for entries (default: the tree's)
--   filemode (default 0644), execmode (0755: files with any host x bit),
--   dirmode (0755), or keepmodes = true for the host's permission bits
--   exclude: a function(relpath, kind) that returns true to skip an entry
--   hardlinks = true: the names of one host file become a file and hard
--   links to it (the first name in path order holds the data)
-- Regular files are read when the tree is written. Sockets are skipped;
-- FIFOs and device nodes are recorded as such.
function Tree:add_host_dir(hostdir, at, opts, level)
  level = (level or 0) + 1
  local H = require "image.hostfs"
  opts = opts or {}
  if type(hostdir) ~= "string" then U.fail(level, "image.tree: add_host_dir: a host directory path expected") end
  if type(opts) ~= "table" then U.fail(level, "image.tree: add_host_dir: options table expected") end
  local st = H.stat(hostdir)
  if st and st.kind == "symlink" then st = H.stat(hostdir .. "/.") end -- the named root itself may be a link
  if not st or st.kind ~= "dir" then U.fail(level, "image.tree: add_host_dir: %s is not a directory", hostdir) end
  local prefix = ""
  if at ~= nil and at ~= "" and at ~= "/" then prefix = clean(at, level) .. "/" end
  local what = "image.tree: add_host_dir " .. hostdir
  local own = {
    uid = opts.uid ~= nil and count(what .. ": uid", opts.uid, level) or self.uid,
    gid = opts.gid ~= nil and count(what .. ": gid", opts.gid, level) or self.gid,
    mtime = opts.mtime ~= nil and count(what .. ": mtime", opts.mtime, level) or self.mtime,
  }
  local fmode = opts.filemode ~= nil and parsemode(opts.filemode, what, level) or 420
  local xmode = opts.execmode ~= nil and parsemode(opts.execmode, what, level) or 493
  local dmode = opts.dirmode ~= nil and parsemode(opts.dirmode, what, level) or 493
  local exclude = opts.exclude
  if exclude ~= nil and type(exclude) ~= "function" then U.fail(level, "%s: exclude must be a function", what) end
  if prefix ~= "" then self:add("dir", prefix:sub(1, -2), { mode = dmode, uid = own.uid, gid = own.gid, mtime = own.mtime }, level) end
  -- One Terra walk lists the directory (lstat, parents first); entries are
  -- made here directly when nothing is in their way, since readdir names
  -- cannot hold "/" or NUL and "." and ".." are left out.
  local KIND = { f = "file", d = "dir", l = "symlink", c = "char", b = "block", p = "fifo" }
  local rec, i, n = {}, 0, 0
  local keep = opts.keepmodes
  local uid, gid, mtime = own.uid, own.gid, own.mtime
  local links = {} -- link id -> the entries of one host file's names
  for k, mode, size, major, minor, par, link, rel, target in H.walkrecords(hostdir):gmatch(H.RECORD) do
    i = i + 1
    par = tonumber(par)
    local kind = KIND[k]
    if k == "E" then U.fail(level, "%s: cannot read directory %s/%s", what, hostdir, rel) end
    if (par > 0 and not rec[par]) or not kind or (exclude and exclude(rel, kind)) then
      rec[i] = false -- sockets, excluded entries and what is below them
    else
      local path = prefix .. rel
      local e
      mode = tonumber(mode)
      -- one constructor per kind: gopher-lua then sizes each table once
      if k == "f" then
        e = { path = path, kind = kind, uid = uid, gid = gid, mtime = mtime,
          mode = keep and mode or (XBIT[mode] and xmode or fmode), host = hostdir .. "/" .. rel, size = tonumber(size) }
      elseif k == "d" then
        e = { path = path, kind = kind, uid = uid, gid = gid, mtime = mtime, mode = keep and mode or dmode, dir = true }
      elseif k == "l" then
        if target == "" then U.fail(level, "%s: cannot read link %s/%s", what, hostdir, rel) end
        e = { path = path, kind = kind, uid = uid, gid = gid, mtime = mtime, mode = 511, target = target }
      else
        e = { path = path, kind = kind, uid = uid, gid = gid, mtime = mtime, mode = mode }
        if k ~= "p" then e.major, e.minor = tonumber(major), tonumber(minor) end
      end
      if self.byPath[path] == nil then
        self.byPath[path] = e -- its parent is the prefix or an entry made here
      else
        -- something is in the way: the general rules of add apply
        local o = {}
        for f, v in pairs(e) do o[f] = v end
        o.path = nil
        e = self:add(kind, path, o, level)
      end
      rec[i] = e
      n = n + 1
      if link ~= "0.0" and opts.hardlinks then
        local l = links[link]
        if not l then l = {} links[link] = l links[#links + 1] = l end
        l[#l + 1] = e
      end
    end
  end
  -- Names of one host file become one file and hard links to it: the
  -- first name in path order holds the data, whatever readdir's order.
  for _, l in ipairs(links) do
    if #l > 1 then
      table.sort(l, function(a, b) return a.path < b.path end)
      for j = 2, #l do
        local e = l[j]
        if self.byPath[e.path] == e then
          e.kind, e.target, e.host, e.size = "hardlink", l[1].path, nil, nil
        end
      end
    end
  end
  self.sorted = nil
  return n
end

---------------------------------------------------------------------------
-- File contents

-- fileentry returns the regular-file entry at path (following a hard link).
local function fileentry(self, path, what, level)
  local p = clean(path, level + 1)
  local e = self.byPath[p]
  if not e then U.fail(level + 1, "image.tree: %s: %s is not in the tree", what, p) end
  if e.kind == "hardlink" then e = self.byPath[e.target] end
  if not e or e.kind ~= "file" then U.fail(level + 1, "image.tree: %s: %s is a %s, not a file", what, p, e and e.kind or "dangling link") end
  return e
end

-- read returns the bytes of the file at path (a host file is read now).
function Tree:read(path, level)
  level = (level or 0) + 1
  local e = fileentry(self, path, "read", level)
  if e.data then return e.data end
  local s = require("image.hostfs").slurp(e.host)
  if not s then U.fail(level, "image.tree: %s: cannot read host file %s", e.path, e.host) end
  return s
end

-- setdata replaces the contents of the file at path with bytes s.
function Tree:setdata(path, s, level)
  local e = fileentry(self, path, "write", (level or 0) + 1)
  e.data, e.host, e.size = s, nil, #s
  return e
end

-- sed replaces the first match of the POSIX extended regular expression
-- pattern in the file at path; no match is an error. See image.textedit.
function Tree:sed(path, pattern, replacement, opts)
  local E = require "image.textedit"
  local e = fileentry(self, path, "sed", 1)
  local out, err = E.sed(self:read(e.path, 1), pattern, replacement, opts)
  if not out then U.fail(1, "image.tree: %s: sed: %s", e.path, err) end
  e.data, e.host, e.size = out, nil, #out
  return self
end

-- kconfig edits a Kconfig .config file in the tree: with edits (a table of
-- name = value, value false for "is not set") it applies them in name
-- order; it returns an editor with set, unset and get whose changes go
-- straight into the entry. A missing file is created.
function Tree:kconfig(path, edits)
  local E = require "image.textedit"
  local p = clean(path, 1)
  if not self.byPath[p] then self:add("file", p, { data = "" }, 1) end
  local e = fileentry(self, p, "kconfig", 1)
  local k = E.kconfig(self:read(p, 1), "image.tree: " .. p, function(text)
    e.data, e.host, e.size = text, nil, #text
  end)
  if edits ~= nil then k:apply(edits, 1) end
  return k
end

---------------------------------------------------------------------------
-- Helpers in their own modules

-- busybox root files (image.rootfs)
function Tree:inittab(spec, opts) return (require("image.rootfs").inittab(self, spec, opts, 1)) end
function Tree:fstab(spec, opts) return (require("image.rootfs").fstab(self, spec, opts, 1)) end
function Tree:rcS(spec, opts) return (require("image.rootfs").rcS(self, spec, opts, 1)) end
function Tree:users(spec, opts) return (require("image.rootfs").users(self, spec, opts, 1)) end

-- ELF shared-library closures (image.elf)
function Tree:libs(hostbin, opts) return (require("image.elf").closure(self, hostbin, opts, 1)) end
function Tree:binary(path, hostbin, opts) return (require("image.elf").binary(self, path, hostbin, opts, 1)) end

-- kernel module closures (image.kmod)
function Tree:modules(spec) return (require("image.kmod").closure(self, spec, 1)) end

return M
