-- image.execspec: the Lua half of image.exec. It checks and lays out exec
-- specs (argv arrays with options, image.pipe values, image.sh) without
-- loading any Terra code, so the step engine can describe steps cheaply.
-- Only U.fail is needed here; image.util itself (Terra code and header
-- imports) is not loaded, to keep a rebuild with nothing to do fast.
local U = {}
function U.fail(level, fmt, ...)
  error(string.format(fmt, ...), level + 2)
end

local X = {}

-- Statuses beyond a program's own exit codes 0..255 (image.exec's X.run).
X.SIGNALED = 128 -- plus the signal number
X.TIMEOUT = -2
X.NOTFOUND = -3
X.FAILED = -1

-- describe turns a status from X.run into words.
function X.describe(prog, st)
  if st == X.TIMEOUT then return prog .. " timed out" end
  if st == X.NOTFOUND then return prog .. ": command not found" end
  if st == X.FAILED then return prog .. " could not be started" end
  if st > X.SIGNALED then return string.format("%s was killed by signal %d", prog, st - X.SIGNALED) end
  return string.format("%s exited with status %d", prog, st)
end

-- A pipe value: image.pipe{ {argv...}, {argv...}, env = ..., stdout = ... }.
local Pipe = {}
Pipe.__index = Pipe
X.Pipe = Pipe
function X.ispipe(v) return getmetatable(v) == Pipe end
function Pipe:run() return require("image.exec").exec(self) end

-- sh makes the argv of a shell command: the only way to reach a shell.
function X.sh(s)
  if type(s) ~= "string" then U.fail(1, "image.sh: a string of shell code expected") end
  return { "/bin/sh", "-c", s }
end

local function checkargv(argv, what, level, resolve)
  level = level + 1
  if type(argv) ~= "table" or #argv == 0 then U.fail(level, "%s: an argv array with the program first expected", what) end
  local a = {}
  for i, v in ipairs(argv) do
    if type(v) == "number" then v = tostring(v) end
    if type(v) ~= "string" and resolve then v = resolve(v, level) end
    if type(v) ~= "string" then U.fail(level, "%s: argv[%d] is a %s, not a string", what, i, type(v)) end
    if v:find("%z") then U.fail(level, "%s: argv[%d] holds a NUL byte", what, i) end
    a[i] = v
  end
  return a
end

function X.pipe(spec)
  if type(spec) ~= "table" or #spec < 1 then U.fail(1, "image.pipe: { {argv...}, {argv...}, ... } expected") end
  for i, c in ipairs(spec) do
    if type(c) ~= "table" then U.fail(1, "image.pipe: command %d is a %s, not an argv array", i, type(c)) end
  end
  return setmetatable(spec, Pipe)
end

-- pack checks and lays out an exec spec (an argv array with options, or a
-- pipe) for runpipe: the arguments as NUL-terminated strings with a count
-- per command, the environment likewise. Env keys are sorted so that the
-- same spec always gives the same bytes. resolve, if given, turns argv
-- elements and stdin/stdout values that are not strings into strings (the
-- step engine's image.input/image.output markers).
function X.pack(spec, level, resolve)
  level = level + 1
  if type(spec) ~= "table" then U.fail(level, "image.exec: {\"prog\", \"arg\", ..., env = {...}} expected") end
  local cmds = {}
  if X.ispipe(spec) then
    for i, c in ipairs(spec) do
      cmds[i] = checkargv(c.argv or c, string.format("image.pipe: command %d", i), level, resolve)
    end
  else
    cmds[1] = checkargv(spec.argv or spec, "image.exec", level, resolve)
  end
  local keys = {}
  if spec.env ~= nil and type(spec.env) ~= "table" then U.fail(level, "image.exec: env must be a table") end
  for k, v in pairs(spec.env or {}) do
    if type(k) ~= "string" or k == "" or k:find("[=%z]") then U.fail(level, "image.exec: bad environment name %s", tostring(k)) end
    if type(v) ~= "string" and type(v) ~= "number" then U.fail(level, "image.exec: env.%s must be a string", k) end
    keys[#keys + 1] = k
  end
  table.sort(keys)
  local e = {}
  for i, k in ipairs(keys) do e[i] = k .. "=" .. tostring(spec.env[k]) end
  local timeout = spec.timeout or 0
  if type(timeout) ~= "number" or timeout < 0 then U.fail(level, "image.exec: timeout must be seconds >= 0") end
  local function path(k)
    local v = spec[k]
    if v ~= nil and type(v) ~= "string" and resolve then v = resolve(v, level) end
    if v ~= nil and type(v) ~= "string" then U.fail(level, "image.exec: %s must be a path", k) end
    return v
  end
  local flat, counts, progs = {}, {}, {}
  for i, a in ipairs(cmds) do
    for _, v in ipairs(a) do flat[#flat + 1] = v end
    counts[i], progs[i] = #a, a[1]
  end
  return {
    cmds = cmds, counts = counts, args = table.concat(flat, "\0") .. "\0",
    nargs = #cmds[1], -- X.run's layout for the first command
    envs = table.concat(e, "\0") .. "\0", nenv = #e, env = e,
    cwd = spec.cwd, log = spec.log, stdin = path("stdin"), stdout = path("stdout"),
    timeoutms = math.floor(timeout * 1000),
    prog = table.concat(progs, " | "),
  }
end

return X
