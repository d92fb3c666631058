-- common.t: what images/rescue.t and images/firmware.t share: the default
-- kernel directory, the -o argument, the Terra helpers their builders use
-- to make and enter the output directory, and a digest of what the Lua
-- stage baked into a step (its version).
local image = require "image"
local M = {}

M.C = terralib.includecstring [[
#include <sys/stat.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
typedef struct stat stat_t;
]]
local C = M.C

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

-- stage runs f in a staging directory: out, or a temp directory removed
-- afterwards (when compiling a builder). The writers run in the output
-- directory, so files made by one step are named relatively in the next.
-- names lists the files f makes; when f fails they are removed (and the
-- directory, if stage made it), so a failed build leaves no partial output.
function M.stage(out, names, f)
  local dir = out or os.tmpname()
  if not out then os.remove(dir) end
  local existed = io.open(dir .. "/.") ~= nil
  local cwd = terralib.cast(rawstring, M.getcwd())
  assert(M.mkdirs(dir) == 0 and M.chdir(dir) == 0)
  local ok, err = pcall(f)
  assert(M.chdir(cwd) == 0)
  if not out or not ok then
    for _, name in ipairs(names) do os.remove(dir .. "/" .. name) end
    if not existed then os.remove(dir) end
  end
  if not ok then error(err, 0) end
  return cwd
end

-- main makes the builder's entry point around a compiled step graph:
-- BUILDER -o OUTDIR [engine options].
function M.main(graph)
  return terra(argc : int, argv : &rawstring) : int
    if argc < 3 or C.strcmp(argv[1], "-o") ~= 0 then
      C.fprintf(C.stderr, "usage: %s -o OUTDIR [--list | --dry-run | --force STEP]\n", argv[0])
      return 2
    end
    if M.mkdirs(argv[2]) ~= 0 or M.chdir(argv[2]) ~= 0 then return 1 end
    argv[2] = argv[0]
    return graph.cmain(argc - 2, argv + 2)
  end
end

-- run runs the graph now in out (the Lua-stage build).
function M.run(graph, out, rest, cwd, script)
  assert(M.mkdirs(out) == 0 and M.chdir(out) == 0)
  local rc = graph:run(rest)
  assert(M.chdir(cwd) == 0)
  if rc ~= 0 then error(script .. ": the build failed (logs: " .. out .. "/.logs/)", 0) end
end

return M
