-- image.boot: boot-loader configuration written from Lua tables: grub.cfg,
-- systemd-boot loader entries, isolinux.cfg and kernel command lines.
-- Generators return text (or, for systemd-boot, a list of { path, data }
-- files that image.fat and trees take as they are); image.textfile turns
-- text into a writer object for builders. Editing an existing grub.cfg is
-- image.grubcfg, a parser written in Go (dsl/image/grubcfg).
--
--   image.cmdline("root=/dev/vda2 ro quiet", { "console=ttyS0,115200", quiet = false })
--   image.grub{ timeout = 3, serial = true, entries = { { title = "Linux", linux = "/vmlinuz", ... } } }
--   image.systemd_boot{ timeout = 3, entries = { { name = "linux", title = "Linux", linux = "/vmlinuz" } } }
--   image.isolinux{ timeout = 5, serial = true, labels = { { name = "linux", kernel = "/vmlinuz" } } }
--   image.textfile(text):write("grub.cfg")   -- or .writer(path) in a terra main
local U = require "image.util"
local C = U.C

local B = {}

B.grubcfg = require "image.grubcfg"

---------------------------------------------------------------------------
-- Kernel command lines

-- splitcmdline splits at blanks outside double quotes, as the kernel does,
-- and returns { key, value } pairs (value nil for a flag).
local function splitcmdline(s)
  local out, cur, inq = {}, {}, false
  local function flush()
    if #cur > 0 then out[#out + 1] = table.concat(cur); cur = {} end
  end
  for i = 1, #s do
    local c = s:sub(i, i)
    if c == '"' then inq = not inq; cur[#cur + 1] = c
    elseif not inq and c:match("%s") then flush()
    else cur[#cur + 1] = c end
  end
  flush()
  for i, a in ipairs(out) do
    local k, v = a:match("^([^=]*)=(.*)$")
    if k then
      -- "a b" as the whole value is the quoting, not part of the value
      if v:match('^".*"$') and #v >= 2 then v = v:sub(2, -2) end
      out[i] = { k, v }
    else
      out[i] = { a }
    end
  end
  return out
end

-- cmdline builds a kernel command line from strings (command lines) and
-- tables: their list items (strings or tables, in order), then their named
-- keys (in sorted order, so the result does not depend on table order). A later value for a key
-- replaces the earlier one in its place; value false removes the key and
-- true makes it a flag. Values with blanks are quoted: key="a b".
function B.cmdline(...)
  local order, vals = {}, {}
  local function set(k, v, level)
    if type(k) ~= "string" or k == "" or k:find("[%s=\"]") then
      U.fail(level + 1, "image.cmdline: bad parameter name %s", tostring(k))
    end
    if v == false then vals[k] = nil return end
    if v == true then v = nil end
    if v ~= nil and type(v) ~= "string" and type(v) ~= "number" then
      U.fail(level + 1, "image.cmdline: %s: value must be a string, number or boolean, got %s", k, type(v))
    end
    if v ~= nil and tostring(v):find('"') then
      U.fail(level + 1, "image.cmdline: %s: a value cannot hold a double quote", k)
    end
    if vals[k] == nil then
      local seen = false
      for _, o in ipairs(order) do if o == k then seen = true end end
      if not seen then order[#order + 1] = k end
    end
    vals[k] = { v = v and tostring(v) }
  end
  local function add(item, level)
    level = level + 1
    if type(item) == "string" then
      for _, p in ipairs(splitcmdline(item)) do set(p[1], p[2], level) end
    elseif type(item) == "table" then
      for _, v in ipairs(item) do add(v, level) end
      local keys = {}
      for k in pairs(item) do
        if type(k) ~= "number" then keys[#keys + 1] = k end
      end
      table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
      for _, k in ipairs(keys) do set(k, item[k], level) end
    elseif item ~= nil then
      U.fail(level, "image.cmdline: string or table expected, got %s", type(item))
    end
  end
  for i = 1, select("#", ...) do add((select(i, ...)), 1) end
  local out = {}
  for _, k in ipairs(order) do
    local e = vals[k]
    if e then
      if e.v == nil then out[#out + 1] = k
      elseif e.v:find("%s") then out[#out + 1] = k .. '="' .. e.v .. '"'
      else out[#out + 1] = k .. "=" .. e.v end
    end
  end
  return table.concat(out, " ")
end

-- args turns an entry's args field (a string or cmdline's input) into a
-- command line.
local function args(v, what, level)
  if v == nil then return "" end
  if type(v) ~= "string" and type(v) ~= "table" then
    U.fail(level + 1, "%s: args must be a string or a table, got %s", what, type(v))
  end
  return B.cmdline(v)
end

---------------------------------------------------------------------------
-- Checks shared by the generators

local function str(v, what, level, optional)
  if v == nil and optional then return nil end
  if type(v) == "number" then return tostring(v) end
  if type(v) ~= "string" or v == "" then
    U.fail(level + 1, "%s must be a non-empty string, got %s", what, v == "" and "\"\"" or type(v))
  end
  if v:find("[%z\n\r]") then U.fail(level + 1, "%s holds a line break or NUL", what) end
  return v
end

local function seconds(v, what, level)
  if v == nil then return nil end
  if type(v) ~= "number" or v ~= math.floor(v) or v < -1 then
    U.fail(level + 1, "%s: timeout must be a whole number of seconds, got %s", what, tostring(v))
  end
  return v
end

local function list(v, what, level)
  if v == nil then return {} end
  if type(v) == "string" then return { v } end
  if type(v) ~= "table" then U.fail(level + 1, "%s must be a string or a list of strings", what) end
  for i, s in ipairs(v) do str(s, what .. "[" .. i .. "]", level + 1) end
  return v
end

local function serial(v, what, level)
  if v == nil or v == false then return nil end
  if v == true then v = {} end
  if type(v) ~= "table" then U.fail(level + 1, "%s: serial must be true or { unit = 0, speed = 115200 }", what) end
  local s = { unit = v.unit or v.port or 0, speed = v.speed or 115200 }
  for _, k in ipairs { "unit", "speed" } do
    if type(s[k]) ~= "number" or s[k] < 0 or s[k] ~= math.floor(s[k]) then
      U.fail(level + 1, "%s: serial %s must be a whole number", what, k)
    end
  end
  return s
end

---------------------------------------------------------------------------
-- grub.cfg

local function gq(s, always) return B.grubcfg.quoteword(s, always) end

-- grubentry renders one menuentry or submenu at depth.
local function grubentry(out, e, depth, where, level)
  level = level + 1
  local ind = string.rep("\t", depth)
  if type(e) ~= "table" then U.fail(level, "%s: table expected", where) end
  if e.submenu ~= nil then
    local title = str(e.submenu, where .. ".submenu", level)
    local head = ind .. "submenu " .. gq(title, true)
    if e.id then head = head .. " --id " .. gq(str(e.id, where .. ".id", level), true) end
    out[#out + 1] = head .. " {"
    if type(e.entries) ~= "table" or #e.entries == 0 then U.fail(level, "%s: submenu needs entries = {...}", where) end
    for i, s in ipairs(e.entries) do grubentry(out, s, depth + 1, string.format("%s.entries[%d]", where, i), level) end
    out[#out + 1] = ind .. "}"
    return
  end
  local title = str(e.title, where .. ".title", level)
  local head = ind .. "menuentry " .. gq(title, true)
  for _, c in ipairs(list(e.class, where .. ".class", level)) do head = head .. " --class " .. gq(c) end
  if e.id then head = head .. " --id " .. gq(str(e.id, where .. ".id", level), true) end
  out[#out + 1] = head .. " {"
  for i, c in ipairs(list(e.commands, where .. ".commands", level)) do out[#out + 1] = ind .. "\t" .. c end
  if e.linux == nil and #list(e.commands, "", level) == 0 then
    U.fail(level, "%s (%s): linux = \"/path/to/kernel\" or commands = {...} expected", where, title)
  end
  if e.linux ~= nil then
    local line = ind .. "\t" .. (e.efi and "linuxefi " or "linux ") .. gq(str(e.linux, where .. ".linux", level))
    local cl = args(e.args, where, level)
    if cl ~= "" then line = line .. " " .. B.grubcfg.quoteargs(cl) end
    out[#out + 1] = line
  end
  local initrds = list(e.initrd, where .. ".initrd", level)
  if #initrds > 0 then
    local q = {}
    for i, p in ipairs(initrds) do q[i] = gq(p) end
    out[#out + 1] = ind .. "\t" .. (e.efi and "initrdefi " or "initrd ") .. table.concat(q, " ")
  end
  out[#out + 1] = ind .. "}"
end

-- grub renders a grub.cfg.
function B.grub(spec)
  local level = 1
  if type(spec) ~= "table" then U.fail(level, "image.grub: { entries = {...}, ... } expected") end
  local out = {}
  for i, l in ipairs(list(spec.header, "image.grub: header", level)) do out[#out + 1] = l end
  local t = seconds(spec.timeout, "image.grub", level)
  if t then out[#out + 1] = "set timeout=" .. t end
  if spec.timeout_style then out[#out + 1] = "set timeout_style=" .. gq(str(spec.timeout_style, "image.grub: timeout_style", level)) end
  if spec.default ~= nil then out[#out + 1] = "set default=" .. gq(str(spec.default, "image.grub: default", level)) end
  local s = serial(spec.serial, "image.grub", level)
  if s then
    out[#out + 1] = string.format("serial --unit=%d --speed=%d", s.unit, s.speed)
    out[#out + 1] = "terminal_input serial console"
    out[#out + 1] = "terminal_output serial console"
  end
  if type(spec.entries) ~= "table" or #spec.entries == 0 then
    U.fail(level, "image.grub: entries = { { title = ..., linux = ... }, ... } expected")
  end
  for i, e in ipairs(spec.entries) do
    out[#out + 1] = ""
    grubentry(out, e, 0, string.format("image.grub: entries[%d]", i), level)
  end
  return table.concat(out, "\n") .. "\n"
end

---------------------------------------------------------------------------
-- systemd-boot

local function boolword(v) return v and "yes" or "no" end

-- systemd_boot renders loader/loader.conf and loader/entries/NAME.conf as
-- a list of { path = ..., data = ... } files.
function B.systemd_boot(spec)
  local level = 1
  if type(spec) ~= "table" then U.fail(level, "image.systemd_boot: { entries = {...}, ... } expected") end
  local files, lines = {}, {}
  local t = seconds(spec.timeout, "image.systemd_boot", level)
  if t then lines[#lines + 1] = "timeout " .. (t < 0 and "menu-force" or t) end
  if spec.default ~= nil then
    local d = str(spec.default, "image.systemd_boot: default", level)
    if not d:find("[%.%*]") then d = d .. ".conf" end
    lines[#lines + 1] = "default " .. d
  end
  if spec.editor ~= nil then lines[#lines + 1] = "editor " .. boolword(spec.editor) end
  if spec.console_mode ~= nil then lines[#lines + 1] = "console-mode " .. str(spec.console_mode, "image.systemd_boot: console_mode", level) end
  if type(spec.entries) ~= "table" or #spec.entries == 0 then
    U.fail(level, "image.systemd_boot: entries = { { name = ..., title = ..., linux = ... }, ... } expected")
  end
  files[1] = { path = "loader/loader.conf", data = table.concat(lines, "\n") .. (#lines > 0 and "\n" or "") }
  local seen = {}
  for i, e in ipairs(spec.entries) do
    local where = string.format("image.systemd_boot: entries[%d]", i)
    if type(e) ~= "table" then U.fail(level, "%s: table expected", where) end
    local name = str(e.name, where .. ".name", level)
    if name:find("[/\\]") or name == "." or name == ".." then U.fail(level, "%s: name %q must be a plain file name", where, name) end
    if seen[name] then U.fail(level, "%s: entry %q is defined twice", where, name) end
    seen[name] = true
    local l = {}
    l[#l + 1] = "title " .. str(e.title or name, where .. ".title", level)
    if e.version then l[#l + 1] = "version " .. str(e.version, where .. ".version", level) end
    if e.machine_id then l[#l + 1] = "machine-id " .. str(e.machine_id, where .. ".machine_id", level) end
    if e.sort_key then l[#l + 1] = "sort-key " .. str(e.sort_key, where .. ".sort_key", level) end
    if e.efi then
      l[#l + 1] = "efi " .. str(e.efi, where .. ".efi", level)
    else
      l[#l + 1] = "linux " .. str(e.linux, where .. ".linux", level)
    end
    for _, p in ipairs(list(e.initrd, where .. ".initrd", level)) do l[#l + 1] = "initrd " .. p end
    local cl = args(e.options or e.args, where, level)
    if cl ~= "" then l[#l + 1] = "options " .. cl end
    files[#files + 1] = { path = "loader/entries/" .. name .. ".conf", data = table.concat(l, "\n") .. "\n" }
  end
  return files
end

---------------------------------------------------------------------------
-- isolinux

-- isolinux renders isolinux.cfg (syslinux's syntax). timeout is in seconds
-- here and written in syslinux's tenths.
function B.isolinux(spec)
  local level = 1
  if type(spec) ~= "table" then U.fail(level, "image.isolinux: { labels = {...}, ... } expected") end
  local out = {}
  -- serial must be the first directive
  local s = serial(spec.serial, "image.isolinux", level)
  if s then out[#out + 1] = string.format("serial %d %d", s.unit, s.speed) end
  if type(spec.labels) ~= "table" or #spec.labels == 0 then
    U.fail(level, "image.isolinux: labels = { { name = ..., kernel = ... }, ... } expected")
  end
  local names = {}
  for i, l in ipairs(spec.labels) do
    if type(l) ~= "table" then U.fail(level, "image.isolinux: labels[%d]: table expected", i) end
    local n = str(l.name, string.format("image.isolinux: labels[%d].name", i), level)
    if n:find("%s") then U.fail(level, "image.isolinux: labels[%d].name %q holds a blank", i, n) end
    names[n] = true
  end
  local default = spec.default or spec.labels[1].name
  if not names[default] then U.fail(level, "image.isolinux: default %q is not a label", tostring(default)) end
  out[#out + 1] = "default " .. default
  if spec.ui then out[#out + 1] = "ui " .. str(spec.ui, "image.isolinux: ui", level) end
  if spec.prompt ~= nil then out[#out + 1] = "prompt " .. (spec.prompt and 1 or 0) end
  local t = seconds(spec.timeout, "image.isolinux", level)
  if t then out[#out + 1] = "timeout " .. math.max(t, 0) * 10 end
  for i, l in ipairs(spec.labels) do
    local where = string.format("image.isolinux: labels[%d]", i)
    out[#out + 1] = ""
    out[#out + 1] = "label " .. l.name
    if l.menu then out[#out + 1] = "  menu label " .. str(l.menu, where .. ".menu", level) end
    out[#out + 1] = "  kernel " .. str(l.kernel, where .. ".kernel", level)
    local a = args(l.append or l.args, where, level)
    local initrds = list(l.initrd, where .. ".initrd", level)
    if #initrds > 0 then a = B.cmdline("initrd=" .. table.concat(initrds, ","), a) end
    if a ~= "" then out[#out + 1] = "  append " .. a end
  end
  return table.concat(out, "\n") .. "\n"
end

---------------------------------------------------------------------------
-- Text files for builders

-- textfile wraps text in a writer object: t:write(path) writes it now,
-- t.writer is terra(path : rawstring) : int with the text as constant data.
function B.textfile(text)
  if type(text) ~= "string" then U.fail(1, "image.textfile: string expected, got %s", type(text)) end
  local n = #text
  local data = constant(text)
  local t = { text = text, size = n }
  t.writer = terra(path : rawstring) : int
    var fd = U.openw(path, n)
    if fd < 0 then return -1 end
    var ok = U.pwriteall(fd, [&uint8](data), n, 0)
    if not ok then U.report("cannot write", path) end
    C.close(fd)
    if ok then return 0 end
    return -1
  end
  function t:write(path)
    if type(path) ~= "string" then U.fail(1, "image.textfile: write(path) expected") end
    U.run(self.writer, 1, "image.textfile write " .. path, path)
    return self
  end
  return t
end

return B
