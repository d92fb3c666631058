-- common.t: what images/rescue.t and images/firmware.t share: the default
-- kernel directory, the -o argument, the Terra helpers their builders use
-- to make and enter the output directory and to take back what a failed
-- build made there, a digest of what the Lua stage baked into a step (its
-- version), and the Lua-stage run of `terrac build` on another script.
local image = require "image"
local ffi = require "ffi"
local M = {}

M.C = terralib.includecstring [[
#include <sys/stat.h>
#include <sys/file.h>
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
typedef struct stat stat_t;
]]
local C = M.C
local O_RDONLY, O_CLOEXEC = 0, 0x80000

-- kernel_dir is KERNEL_DIR, else where scripts/test-kernel.sh unpacks.
function M.kernel_dir()
  return os.getenv("KERNEL_DIR") or
    ((os.getenv("XDG_CACHE_HOME") or ((os.getenv("HOME") or "/tmp") .. "/.cache")) .. "/terrac-test-kernel")
end

-- kernel_version reads dir/VERSION, or stops with one message.
function M.kernel_version(dir, script)
  local f = io.open(dir .. "/VERSION")
  if not f then error(script .. ": no kernel in " .. dir .. " (run scripts/test-kernel.sh, or set KERNEL_DIR)", 0) end
  local v = f:read("*l")
  f:close()
  return v
end

-- outdir returns DIR of `-o DIR [engine options]`, or nil when the script
-- is being compiled by `terrac build` (no arguments), and the rest.
function M.outdir(script)
  if not (arg and arg[1]) then return nil, {} end
  if arg[1] ~= "-o" or not arg[2] then
    error("usage: terrac " .. script .. " -o OUTDIR [--list | --dry-run | --force STEP]", 0)
  end
  local rest = {}
  for i = 3, #arg do rest[#rest + 1] = arg[i] end
  return arg[2], rest
end

terra M.chdir(p : rawstring) : int return C.chdir(p) end
terra M.getcwd() : rawstring return C.getcwd(nil, 0) end
-- mkdirs is mkdir -p.
terra M.mkdirs(p : rawstring) : int
  var s = C.strdup(p)
  var n = C.strlen(s)
  for i = 1, n + 1 do
    if s[i] == 47 or s[i] == 0 then
      var c = s[i]
      s[i] = 0
      C.mkdir(s, 493)
      s[i] = c
    end
  end
  C.free(s)
  var st : C.stat_t
  if C.stat(p, &st) ~= 0 then C.fprintf(C.stderr, "cannot make %s\n", p) return -1 end
  return 0
end

-- digest hashes a list of tree entries (or entry-like tables).
function M.digest(t)
  local parts = {}
  for _, e in ipairs(t) do
    for _, k in ipairs { "path", "kind", "mode", "uid", "gid", "mtime", "host", "target", "major", "minor", "size" } do
      parts[#parts + 1] = tostring(e[k])
    end
    parts[#parts + 1] = e.data and image.sha256(e.data) or "-"
  end
  return image.sha256(table.concat(parts, "\0"))
end

-- hosts lists the host files of trees, once each: a step's inputs.
function M.hosts(...)
  local list, seen = {}, {}
  for _, t in ipairs { ... } do
    for _, e in ipairs(t:entries()) do
      if e.host and not seen[e.host] then seen[e.host] = true list[#list + 1] = e.host end
    end
  end
  return list
end

-- What a failed build made in the output directory is taken back, so that
-- it leaves no partial output: entries lists the names at the top of dir
-- before the build (NUL-separated, an empty name last; nil when dir does
-- not exist), and undo removes every top-level entry that is not in that
-- list, and dir itself if the build made it. The log of the step that
-- failed is kept, since the failure message names it: a new OUTDIR/.logs
-- stays with that log only (and so does OUTDIR). Entries that were there
-- before, such as the engine's state of an earlier build, are left alone:
-- a killed or failed rebuild resumes from them.
terra M.entries(dir : rawstring) : rawstring
  var d = C.opendir(dir)
  if d == nil then return nil end
  var cap, n = 256, 0
  var buf = [rawstring](C.malloc(cap))
  while true do
    var e = C.readdir(d)
    if e == nil then break end
    var len = C.strlen(&e.d_name[0]) + 1
    while n + len + 1 > cap do cap = cap * 2 buf = [rawstring](C.realloc(buf, cap)) end
    C.memcpy(buf + n, &e.d_name[0], len)
    n = n + len
  end
  C.closedir(d)
  buf[n] = 0
  return buf
end

local terra listed(list : rawstring, name : rawstring) : bool
  var p = list
  while @p ~= 0 do
    if C.strcmp(p, name) == 0 then return true end
    p = p + C.strlen(p) + 1
  end
  return false
end

-- rmtree removes path and, for a directory, what it holds (symlinks are
-- removed, not followed).
terra M.rmtree(path : rawstring) : int
  var st : C.stat_t
  if C.lstat(path, &st) ~= 0 then return 0 end
  if (st.st_mode and 0xF000) == 0x4000 then -- S_IFDIR
    var d = C.opendir(path)
    if d ~= nil then
      var sub : int8[4096]
      while true do
        var e = C.readdir(d)
        if e == nil then break end
        var name = &e.d_name[0]
        if C.strcmp(name, ".") ~= 0 and C.strcmp(name, "..") ~= 0 then
          C.snprintf(sub, 4096, "%s/%s", path, name)
          M.rmtree(sub)
        end
      end
      C.closedir(d)
    end
    return C.rmdir(path)
  end
  return C.unlink(path)
end

terra M.undo(dir : rawstring, before : rawstring)
  -- Not while another build holds the engine's lock there: what is new
  -- would be its work.
  var lockpath : int8[4096]
  C.snprintf(lockpath, 4096, "%s/.image-state/lock", dir)
  var lock = C.open(lockpath, O_RDONLY or O_CLOEXEC)
  if lock >= 0 and C.flock(lock, 6) ~= 0 then C.close(lock) return end -- LOCK_EX | LOCK_NB
  -- A new log directory keeps only the logs of steps that failed: a step
  -- that succeeded has a stamp (in the state directory, about to go).
  var logs : int8[4096]
  C.snprintf(logs, 4096, "%s/.logs", dir)
  var ld : &C.DIR = nil
  if before == nil or not listed(before, ".logs") then ld = C.opendir(logs) end
  if ld ~= nil then
    var path : int8[4096]
    while true do
      var e = C.readdir(ld)
      if e == nil then break end
      var name = &e.d_name[0]
      var n = C.strlen(name)
      if n > 4 and C.strcmp(name + n - 4, ".log") == 0 then
        C.snprintf(path, 4096, "%s/.image-state/%.*s", dir, [int](n - 4), name)
        var st : C.stat_t
        if C.stat(path, &st) == 0 then
          C.snprintf(path, 4096, "%s/%s", logs, name)
          C.unlink(path)
        end
      end
    end
    C.closedir(ld)
  end
  var d = C.opendir(dir)
  if d ~= nil then
    var path : int8[4096]
    while true do
      var e = C.readdir(d)
      if e == nil then break end
      var name = &e.d_name[0]
      if C.strcmp(name, ".") ~= 0 and C.strcmp(name, "..") ~= 0 and (before == nil or not listed(before, name)) then
        C.snprintf(path, 4096, "%s/%s", dir, name)
        if C.strcmp(name, ".logs") == 0 then
          C.rmdir(path) -- only when empty
        else
          M.rmtree(path)
        end
      end
    end
    C.closedir(d)
  end
  if lock >= 0 then C.close(lock) end
  if before == nil then C.rmdir(dir) end -- only when empty
end

-- stage runs f in a staging directory: out, or a temp directory removed
-- afterwards (when compiling a builder). The writers run in the output
-- directory, so files made by one step are named relatively in the next.
-- It notes what out holds first: when f fails, or the build (M.run) does,
-- what they made there is taken back (M.undo).
function M.stage(out, f)
  local dir = out or os.tmpname()
  if not out then os.remove(dir) end
  M.before = M.entries(dir)
  local cwd = terralib.cast(rawstring, M.getcwd())
  M.here = ffi.string(cwd)
  assert(M.mkdirs(dir) == 0 and M.chdir(dir) == 0)
  local ok, err = pcall(f)
  assert(M.chdir(cwd) == 0)
  if not out then M.rmtree(dir)
  elseif not ok then M.undo(dir, M.before) end
  if not ok then error(err, 0) end
  return cwd
end

-- abs makes a path absolute, against the directory the script started in.
function M.abs(p)
  if p:sub(1, 1) == "/" then return p end
  return (M.here or ffi.string(terralib.cast(rawstring, M.getcwd()))) .. "/" .. p
end

-- serialize writes v (strings, numbers, booleans and tables of them) as a
-- Lua constructor, keys in order, so that the same table gives the same
-- text: a configuration passed to another script's Lua stage.
function M.serialize(v)
  local t = type(v)
  if t == "string" then
    return '"' .. v:gsub('[%c"\\]', function(c) return string.format("\\%03d", c:byte()) end) .. '"'
  elseif t == "number" or t == "boolean" then
    return tostring(v)
  elseif t ~= "table" then
    error("serialize: cannot write a " .. t, 2)
  end
  local parts, n = {}, #v
  for i = 1, n do parts[#parts + 1] = M.serialize(v[i]) end
  local keys = {}
  for k in pairs(v) do
    if not (type(k) == "number" and k >= 1 and k <= n and k == math.floor(k)) then keys[#keys + 1] = k end
  end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  for _, k in ipairs(keys) do
    local key = type(k) == "string" and k:match("^[%a_][%w_]*$") and k or ("[" .. M.serialize(k) .. "]")
    parts[#parts + 1] = key .. " = " .. M.serialize(v[k])
  end
  return "{ " .. table.concat(parts, ", ") .. " }"
end

-- terrac_build returns a step that compiles script (a path) with `terrac
-- build ARGS -o OUTPUT`, run by the terrac running this Lua stage
-- (terralib.executable). env adds variables for the script's Lua stage;
-- the step passes on PATH (the C compiler links), HOME and the cache
-- variables (terrac's compiled-code cache) and TMPDIR. The script and
-- terrac are its inputs, so it reruns when either changes, or its
-- arguments or environment do.
function M.terrac_build(spec)
  local terrac = terralib.executable
  if not terrac or terrac == "" then error("cannot find the running terrac (terralib.executable)", 2) end
  local env = {}
  for _, k in ipairs { "PATH", "HOME", "TMPDIR", "CC", "XDG_CACHE_HOME", "TERRAC_CACHE", "LD_LIBRARY_PATH" } do
    env[k] = os.getenv(k)
  end
  for k, v in pairs(spec.env or {}) do env[k] = v end
  local script = M.abs(spec.script)
  local argv = { terrac, "build", script }
  for _, a in ipairs(spec.args or {}) do argv[#argv + 1] = a end
  argv[#argv + 1] = "-o"
  argv[#argv + 1] = image.output(1)
  return image.step { name = spec.name, inputs = { script, terrac }, outputs = { spec.output }, env = env, run = argv }
end

-- main makes the builder's entry point around a compiled step graph:
-- BUILDER -o OUTDIR [engine options]. A failed build takes back what it
-- made in OUTDIR (M.undo).
function M.main(graph)
  return terra(argc : int, argv : &rawstring) : int
    if argc < 3 or C.strcmp(argv[1], "-o") ~= 0 then
      C.fprintf(C.stderr, "usage: %s -o OUTDIR [--list | --dry-run | --force STEP]\n", argv[0])
      return 2
    end
    var out = argv[2]
    var before = M.entries(out)
    var cwd = M.getcwd()
    if M.mkdirs(out) ~= 0 or M.chdir(out) ~= 0 then return 1 end
    argv[2] = argv[0]
    var rc = graph.cmain(argc - 2, argv + 2)
    if rc ~= 0 and C.chdir(cwd) == 0 then M.undo(out, before) end
    return rc
  end
end

-- run runs the graph now in out (the Lua-stage build); a failed build
-- takes back what it and M.stage made there.
function M.run(graph, out, rest, cwd, script)
  assert(M.mkdirs(out) == 0 and M.chdir(out) == 0)
  local rc = graph:run(rest)
  assert(M.chdir(cwd) == 0)
  if rc ~= 0 then
    M.undo(out, M.before)
    error(script .. " did not build (the failing step's log is named above)", 2)
  end
end

return M
