-- image.rootfs: the configuration files of a busybox root, generated from
-- Lua tables into tree entries instead of heredocs: /etc/inittab,
-- /etc/fstab, /etc/init.d/rcS, /etc/passwd, /etc/shadow and /etc/group.
-- Every field is checked for the characters that would break the file's
-- format, so a bad value is an error at the script's line rather than a
-- root that does not boot.
local U = require "image.util"

local R = {}

-- put adds a generated file; opts may override path, mode, uid, gid, mtime.
local function put(t, path, data, mode, opts, level)
  local o = { data = data, mode = opts.mode or mode, uid = opts.uid, gid = opts.gid, mtime = opts.mtime }
  return t:add("file", opts.path or path, o, level + 1)
end

local function checkopts(opts, what, level)
  if opts == nil then return {} end
  if type(opts) ~= "table" then U.fail(level + 1, "image.tree: %s: options table expected", what) end
  return opts
end

-- field checks a value for a colon-separated file (no ":" or newline).
local function field(v, what, name, level, allowcolon)
  if v == nil then return "" end
  if type(v) == "number" then return string.format("%d", v) end
  if type(v) ~= "string" then U.fail(level + 1, "image.tree: %s: %s must be a string", what, name) end
  if v:find("[\n%z]") or (not allowcolon and v:find(":")) then
    U.fail(level + 1, "image.tree: %s: %s %q cannot hold %s", what, name, v, allowcolon and "a newline" or "':' or a newline")
  end
  return v
end

---------------------------------------------------------------------------
-- inittab

local ACTIONS = { sysinit = true, wait = true, once = true, respawn = true, askfirst = true,
  shutdown = true, restart = true, ctrlaltdel = true }

-- inittab writes busybox's /etc/inittab. Each entry is { action, process }
-- or { action = ..., process = ..., tty = "ttyS0" } (tty: busybox's id
-- field, the terminal the process runs on).
function R.inittab(t, spec, opts, level)
  level = level + 1
  opts = checkopts(opts, "inittab", level)
  if type(spec) ~= "table" then U.fail(level, "image.tree: inittab: a list of { action, process } expected") end
  local lines = {}
  for i, e in ipairs(spec) do
    local what = string.format("inittab[%d]", i)
    if type(e) ~= "table" then U.fail(level, "image.tree: %s: { action, process } expected", what) end
    local action, process = e.action or e[1], e.process or e[2]
    if not ACTIONS[action] then
      U.fail(level, "image.tree: %s: unknown action %s (sysinit, wait, once, respawn, askfirst, shutdown, restart, ctrlaltdel)", what, tostring(action))
    end
    if type(process) ~= "string" or process == "" then U.fail(level, "image.tree: %s: a process (command line) expected", what) end
    lines[#lines + 1] = string.format("%s::%s:%s", field(e.tty or e.id, what, "tty", level),
      action, field(process, what, "process", level, true))
  end
  return put(t, "etc/inittab", table.concat(lines, "\n") .. "\n", 420, opts, level)
end

---------------------------------------------------------------------------
-- fstab

-- fstabword escapes what fstab's whitespace-separated fields cannot hold.
local function fstabword(v, what, name, level)
  if type(v) == "number" then v = string.format("%d", v) end
  if type(v) ~= "string" or v == "" then U.fail(level + 1, "image.tree: %s: %s expected", what, name) end
  if v:find("%z") then U.fail(level + 1, "image.tree: %s: %s holds a NUL byte", what, name) end
  return (v:gsub("[ \t\n\\]", function(c) return string.format("\\%03o", c:byte()) end))
end

-- fstab writes /etc/fstab. Each entry is { device, dir, type, options,
-- dump, pass } or the same with names (device, dir, type, options
-- default "defaults", dump and pass default 0).
function R.fstab(t, spec, opts, level)
  level = level + 1
  opts = checkopts(opts, "fstab", level)
  if type(spec) ~= "table" then U.fail(level, "image.tree: fstab: a list of { device, dir, type, options } expected") end
  local lines = {}
  for i, e in ipairs(spec) do
    local what = string.format("fstab[%d]", i)
    if type(e) ~= "table" then U.fail(level, "image.tree: %s: { device, dir, type, options } expected", what) end
    local dump, pass = e.dump or e[5] or 0, e.pass or e[6] or 0
    for name, v in pairs{ dump = dump, pass = pass } do
      if type(v) ~= "number" or v < 0 or v ~= math.floor(v) then U.fail(level, "image.tree: %s: %s must be a whole number", what, name) end
    end
    lines[#lines + 1] = table.concat({ fstabword(e.device or e[1], what, "device", level),
      fstabword(e.dir or e[2], what, "dir", level), fstabword(e.type or e[3], what, "type", level),
      fstabword(e.options or e[4] or "defaults", what, "options", level), dump, pass }, "\t")
  end
  return put(t, "etc/fstab", table.concat(lines, "\n") .. "\n", 420, opts, level)
end

---------------------------------------------------------------------------
-- rcS

-- shquote quotes one word for sh when it needs it.
function R.shquote(w)
  if w:match("^[%w@%%+=:,./_-]+$") then return w end
  return "'" .. w:gsub("'", "'\\''") .. "'"
end

-- rcS writes /etc/init.d/rcS (mode 0755). Each item of spec is a line of
-- shell (a string) or an argv list, quoted here word by word. modules =
-- the result of tree:modules (or a list of paths) puts insmod lines
-- first; shell names the interpreter (default /bin/sh).
function R.rcS(t, spec, opts, level)
  level = level + 1
  opts = checkopts(opts, "rcS", level)
  if type(spec) ~= "table" then U.fail(level, "image.tree: rcS: a list of commands expected") end
  local shell = spec.shell or "/bin/sh"
  if type(shell) ~= "string" or shell:find("[%s%z]") then U.fail(level, "image.tree: rcS: shell must be a path") end
  local lines = { "#!" .. shell }
  local mods = spec.modules
  if mods ~= nil then
    if type(mods) ~= "table" then U.fail(level, "image.tree: rcS: modules must be the result of tree:modules or a list of paths") end
    for _, p in ipairs(mods.paths or mods) do
      if type(p) ~= "string" then U.fail(level, "image.tree: rcS: modules: paths must be strings") end
      lines[#lines + 1] = "insmod " .. R.shquote(p)
    end
  end
  for i, c in ipairs(spec) do
    if type(c) == "string" then
      if c:find("%z") then U.fail(level, "image.tree: rcS[%d]: a command cannot hold a NUL byte", i) end
      lines[#lines + 1] = c
    elseif type(c) == "table" then
      local words = {}
      for j, w in ipairs(c) do
        if type(w) == "number" then w = tostring(w) end
        if type(w) ~= "string" or w:find("%z") then U.fail(level, "image.tree: rcS[%d][%d]: a string without NUL expected", i, j) end
        words[j] = R.shquote(w)
      end
      if #words == 0 then U.fail(level, "image.tree: rcS[%d]: an empty command", i) end
      lines[#lines + 1] = table.concat(words, " ")
    else
      U.fail(level, "image.tree: rcS[%d]: a command string or an argv list expected", i)
    end
  end
  return put(t, "etc/init.d/rcS", table.concat(lines, "\n") .. "\n", 493, opts, level)
end

---------------------------------------------------------------------------
-- passwd, shadow, group

local NAME = "^[%a_][%w_.-]*%$?$"

local function whole(v, what, name, level)
  if type(v) ~= "number" or v < 0 or v ~= math.floor(v) then
    U.fail(level + 1, "image.tree: %s: %s must be a whole number >= 0, got %s", what, name, tostring(v))
  end
  return string.format("%d", v)
end

-- users writes /etc/passwd and /etc/group (0644) and /etc/shadow (0600,
-- or 0640 owned by group shadow_gid when opts.shadow_gid is given).
-- spec.users: { name, uid, gid (a number or a group's name), gecos, home
-- (default /), shell (default /bin/sh), hash (the crypt(3) hash for
-- shadow; default "*", no password login; "" means no password) }.
-- spec.groups: { name, gid, members = { names } }.
function R.users(t, spec, opts, level)
  level = level + 1
  opts = checkopts(opts, "users", level)
  if type(spec) ~= "table" or type(spec.users) ~= "table" then U.fail(level, "image.tree: users: { users = {...}, groups = {...} } expected") end
  local groups, gidOf, seen = {}, {}, {}
  for i, g in ipairs(spec.groups or {}) do
    local what = string.format("groups[%d]", i)
    if type(g) ~= "table" then U.fail(level, "image.tree: %s: { name, gid, members } expected", what) end
    if type(g.name) ~= "string" or not g.name:match(NAME) then U.fail(level, "image.tree: %s: bad group name %s", what, tostring(g.name)) end
    if gidOf[g.name] then U.fail(level, "image.tree: %s: group %s given twice", what, g.name) end
    local gid = whole(g.gid, what, "gid", level)
    gidOf[g.name] = tonumber(gid)
    local members = {}
    for j, m in ipairs(g.members or {}) do
      if type(m) ~= "string" or not m:match(NAME) then U.fail(level, "image.tree: %s: members[%d]: bad user name %s", what, j, tostring(m)) end
      members[j] = m
    end
    groups[#groups + 1] = g.name .. ":x:" .. gid .. ":" .. table.concat(members, ",")
  end
  local passwd, shadow = {}, {}
  for i, u in ipairs(spec.users) do
    local what = string.format("users[%d]", i)
    if type(u) ~= "table" then U.fail(level, "image.tree: %s: { name, uid, gid, ... } expected", what) end
    if type(u.name) ~= "string" or not u.name:match(NAME) then U.fail(level, "image.tree: %s: bad user name %s", what, tostring(u.name)) end
    what = what .. " (" .. u.name .. ")"
    if seen[u.name] then U.fail(level, "image.tree: %s: user given twice", what) end
    seen[u.name] = true
    local gid = u.gid
    if type(gid) == "string" then
      if not gidOf[gid] then U.fail(level, "image.tree: %s: group %s is not in groups", what, gid) end
      gid = gidOf[gid]
    end
    passwd[#passwd + 1] = table.concat({ u.name, "x", whole(u.uid, what, "uid", level), whole(gid, what, "gid", level),
      field(u.gecos, what, "gecos", level), field(u.home or "/", what, "home", level),
      field(u.shell or "/bin/sh", what, "shell", level) }, ":")
    local hash = u.hash
    if hash == nil then hash = "*" end
    if u.password ~= nil then U.fail(level, "image.tree: %s: give hash = (a crypt(3) hash, e.g. from mkpasswd), not password", what) end
    shadow[#shadow + 1] = table.concat({ u.name, field(hash, what, "hash", level),
      field(u.lastchg, what, "lastchg", level), "0", "99999", "7", "", "", "" }, ":")
  end
  local own = { uid = opts.uid, gid = opts.gid, mtime = opts.mtime }
  local function file(path, lines, mode, gid)
    local o = { data = table.concat(lines, "\n") .. (#lines > 0 and "\n" or ""), mode = mode,
      uid = own.uid, gid = gid or own.gid, mtime = own.mtime }
    t:add("file", path, o, level + 1)
  end
  file("etc/passwd", passwd, 420)
  file("etc/group", groups, 420)
  if opts.shadow_gid ~= nil then
    file("etc/shadow", shadow, 416, tonumber(whole(opts.shadow_gid, "users", "shadow_gid", level)))
  else
    file("etc/shadow", shadow, 384)
  end
  return t
end

return R
