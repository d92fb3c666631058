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
  local parts = {}
  for c in p:gmatch("[^/]+") do
    if c == ".." then return nil, "'..' is not allowed in paths" end
    if c ~= "." then parts[#parts + 1] = c end
  end
  if #parts == 0 then return nil, "empty path (the root cannot be an entry)" end
  return table.concat(parts, "/")
end

local function clean(p, level)
  local c, why = M.cleanpath(p)
  if not c then U.fail(level + 1, "image.tree: %s: %s", tostring(p), why) end
  return c
end

local function parent(p)
  return p:match("^(.*)/[^/]*$")
end

-- new makes a tree. opts: uid, gid, mtime (default SOURCE_DATE_EPOCH, else
-- 1980-01-01) for entries that do not give their own.
function M.tree(opts, level)
  level = (level or 1) + 1
  opts = opts or {}
  if type(opts) ~= "table" then U.fail(level, "image.tree: {uid = ..., gid = ..., mtime = ...} expected") end
  local t = setmetatable({ byPath = {}, uid = 0, gid = 0, mtime = U.epoch() }, Tree)
  if opts.uid ~= nil then t.uid = count("image.tree: uid", opts.uid, level) end
  if opts.gid ~= nil then t.gid = count("image.tree: gid", opts.gid, level) end
  if opts.mtime ~= nil then t.mtime = count("image.tree: mtime", opts.mtime, level) end
  return t
end

local DEFAULT_MODE = { file = 420, dir = 493, symlink = 511, hardlink = 420, char = 384, block = 384, fifo = 420 }

-- add puts a new entry at path; level is the caller's frame for errors.
function Tree:add(kind, path, opts, level)
  level = (level or 1) + 1
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
      local n = tonumber(U.pathsize(opts.host))
      if n < 0 then U.fail(level, "%s: cannot open host file %s", what, opts.host) end
      e.host, e.size = opts.host, n
    else
      U.fail(level, "%s: a file needs data = \"...\" or host = \"path\"", what)
    end
  elseif kind == "dir" then
    e.dir = true -- the shape image.fat's file lists use
  elseif kind == "symlink" then
    if type(opts.target) ~= "string" or opts.target == "" then U.fail(level, "%s: a symlink needs a target", what) end
    e.target = opts.target -- stored as given, never followed on the host
  elseif kind == "hardlink" then
    e.target = clean(opts.target, level)
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
      self:add("dir", dir, { uid = self.uid, gid = self.gid, mtime = self.mtime }, level)
    elseif d.kind ~= "dir" then
      U.fail(level, "%s: %s is a %s, not a directory", what, dir, d.kind)
    end
  end
  local old = self.byPath[p]
  if old and old.kind == "dir" then
    if kind == "dir" then
      old.mode, old.uid, old.gid, old.mtime = e.mode, e.uid, e.gid, e.mtime
      return old
    end
    self:remove(p)
  end
  self.byPath[p] = e
  self.sorted = nil
  return e
end

function Tree:file(path, opts) return self:add("file", path, opts, 2) end
function Tree:dir(path, opts) return self:add("dir", path, opts, 2) end
function Tree:fifo(path, opts) return self:add("fifo", path, opts, 2) end

function Tree:symlink(path, target, opts)
  local o = {}
  for k, v in pairs(opts or {}) do o[k] = v end
  o.target = target
  return self:add("symlink", path, o, 2)
end

function Tree:hardlink(path, target, opts)
  local o = {}
  for k, v in pairs(opts or {}) do o[k] = v end
  o.target = target
  return self:add("hardlink", path, o, 2)
end

local function device(self, kind, path, major, minor, opts)
  local o = {}
  for k, v in pairs(opts or {}) do o[k] = v end
  o.major, o.minor = major, minor
  return self:add(kind, path, o, 3)
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
  local p = clean(path, 2)
  if not self.byPath[p] then return false end
  local prefix = p .. "/"
  for q in pairs(self.byPath) do
    if q == p or q:sub(1, #prefix) == prefix then self.byPath[q] = nil end
  end
  self.sorted = nil
  return true
end

-- entries lists every entry, parents before children, sorted by path
-- bytes with "/" ordered first so that a directory's contents follow it.
function Tree:entries()
  if self.sorted then return self.sorted end
  local list, key = {}, {}
  for p, e in pairs(self.byPath) do
    list[#list + 1] = e
    key[e] = p:gsub("/", "\0")
  end
  table.sort(list, function(a, b) return key[a] < key[b] end)
  self.sorted = list
  return list
end

-- len is the number of entries.
function Tree:len()
  return #self:entries()
end

return M
