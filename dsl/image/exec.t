-- image.exec: run a program from an argv array, never through a shell.
--
--   image.exec{ "mke2fs", "-q", "-d", "root.tar", "root.img",
--               env = { PATH = "/usr/sbin:/usr/bin:/sbin:/bin" },  -- default: empty, like env -i
--               cwd = "build",          -- default: the current directory
--               timeout = 60,           -- seconds; the program is killed after it
--               log = "build/mke2fs.log",  -- stdout and stderr appended here
--               check = true }          -- default: a failure raises an error
--
-- The Terra side (X.run) spawns with posix_spawn and waits, so that a
-- builder compiled by `terrac build` runs programs the same way.
local U = require "image.util"

local X = {}

local C = terralib.includecstring [[
#include <spawn.h>
#include <signal.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>
#include <string.h>
#include <stdlib.h>
#include <stdio.h>
#include <errno.h>
#include <time.h>
int posix_spawn_file_actions_addchdir_np(posix_spawn_file_actions_t *, const char *);
]]
X.C = C

-- Statuses beyond a program's own exit codes 0..255.
X.SIGNALED = 128 -- plus the signal number
X.TIMEOUT = -2
X.NOTFOUND = -3
X.FAILED = -1

local O_RDONLY, O_WRONLY, O_CREAT, O_APPEND = 0, 1, 0x40, 0x400
local WNOHANG, SIGKILL = 1, 9
local POSIX_SPAWN_SETSIGDEF, POSIX_SPAWN_SETSIGMASK = 4, 8
local DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

-- split turns n NUL-terminated strings laid end to end into a
-- NULL-terminated array (pointing into s).
local terra split(s : rawstring, n : int) : &rawstring
  var a = [&rawstring](C.malloc(sizeof(rawstring) * (n + 1)))
  var p = s
  for i = 0, n do
    a[i] = p
    p = p + C.strlen(p) + 1
  end
  a[n] = nil
  return a
end

-- lookup finds prog in the PATH of envp (or the default PATH), as execvp
-- would, but in the child's environment rather than ours. The result is
-- malloc'ed or nil.
local terra lookup(prog : rawstring, envp : &rawstring) : rawstring
  if C.strchr(prog, 47) ~= nil then return C.strdup(prog) end -- has a '/'
  var path : rawstring = DEFAULT_PATH
  var i = 0
  while envp[i] ~= nil do
    if C.strncmp(envp[i], "PATH=", 5) == 0 then path = envp[i] + 5 end
    i = i + 1
  end
  var plen = C.strlen(prog)
  var buf = [rawstring](C.malloc(C.strlen(path) + plen + 2))
  var start = path
  while true do
    var stop = C.strchr(start, 58) -- ':'
    var n = terralib.select(stop == nil, C.strlen(start), stop - start)
    if n == 0 then
      C.strcpy(buf, prog)
    else
      C.memcpy(buf, start, n)
      buf[n] = 47
      C.memcpy(buf + n + 1, prog, plen + 1)
    end
    if C.access(buf, 1) == 0 then return buf end -- X_OK
    if stop == nil then break end
    start = stop + 1
  end
  C.free(buf)
  return nil
end

local terra sleepms(ms : int)
  var ts : C.timespec
  ts.tv_sec = ms / 1000
  ts.tv_nsec = (ms % 1000) * 1000000
  C.nanosleep(&ts, nil)
end

local terra monotonicms() : int64
  var ts : C.timespec
  C.clock_gettime(1, &ts) -- CLOCK_MONOTONIC
  return ts.tv_sec * 1000 + ts.tv_nsec / 1000000
end

-- run spawns argv (nargs strings laid end to end in args) with the
-- environment envs (nenv "K=V" strings), in cwd (nil: ours), with stdin
-- from /dev/null and stdout and stderr appended to logpath (nil: ours),
-- and waits at most timeoutms (<= 0: forever). It returns the exit
-- status, X.SIGNALED + the signal, or X.TIMEOUT, X.NOTFOUND, X.FAILED.
terra X.run(args : rawstring, nargs : int, envs : rawstring, nenv : int,
            cwd : rawstring, logpath : rawstring, timeoutms : int64) : int
  var argv = split(args, nargs)
  var envp = split(envs, nenv)
  defer C.free(argv)
  defer C.free(envp)
  var prog = lookup(argv[0], envp)
  if prog == nil then return [X.NOTFOUND] end
  defer C.free(prog)

  var fa : C.posix_spawn_file_actions_t
  C.posix_spawn_file_actions_init(&fa)
  defer C.posix_spawn_file_actions_destroy(&fa)
  C.posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0)
  if logpath ~= nil then
    C.posix_spawn_file_actions_addopen(&fa, 1, logpath, O_WRONLY or O_CREAT or O_APPEND, 420)
    C.posix_spawn_file_actions_adddup2(&fa, 1, 2)
  end
  if cwd ~= nil then C.posix_spawn_file_actions_addchdir_np(&fa, cwd) end

  -- The child starts with no blocked signals and default handlers, not
  -- with whatever the host process (the Go runtime, say) installed.
  var attr : C.posix_spawnattr_t
  C.posix_spawnattr_init(&attr)
  defer C.posix_spawnattr_destroy(&attr)
  var none : C.sigset_t
  var all : C.sigset_t
  C.sigemptyset(&none)
  C.sigfillset(&all)
  C.sigdelset(&all, SIGKILL)
  C.sigdelset(&all, 19) -- SIGSTOP
  C.posix_spawnattr_setsigmask(&attr, &none)
  C.posix_spawnattr_setsigdefault(&attr, &all)
  C.posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF or POSIX_SPAWN_SETSIGMASK)

  var pid : C.pid_t
  var err = C.posix_spawn(&pid, prog, &fa, &attr, argv, envp)
  if err ~= 0 then
    C.fprintf(C.stderr, "image.exec: cannot run %s: %s\n", prog, C.strerror(err))
    return [X.FAILED]
  end
  var start = monotonicms()
  var wait = 1
  var status : int
  while true do
    var r = C.waitpid(pid, &status, terralib.select(timeoutms > 0, WNOHANG, 0))
    if r == pid then break end
    if r < 0 and @C.__errno_location() ~= 4 then -- not EINTR
      C.fprintf(C.stderr, "image.exec: waiting for %s: %s\n", prog, C.strerror(@C.__errno_location()))
      return [X.FAILED]
    end
    if r == 0 then
      if monotonicms() - start >= timeoutms then
        C.kill(pid, SIGKILL)
        C.waitpid(pid, &status, 0)
        return [X.TIMEOUT]
      end
      sleepms(wait)
      if wait < 20 then wait = wait * 2 end
    end
  end
  if (status and 0x7f) == 0 then return (status >> 8) and 0xff end
  return [X.SIGNALED] + (status and 0x7f)
end

-- describe turns a status from X.run into words.
function X.describe(prog, st)
  if st == X.TIMEOUT then return prog .. " timed out" end
  if st == X.NOTFOUND then return prog .. ": command not found" end
  if st == X.FAILED then return prog .. " could not be started" end
  if st > X.SIGNALED then return string.format("%s was killed by signal %d", prog, st - X.SIGNALED) end
  return string.format("%s exited with status %d", prog, st)
end

-- pack checks and lays out an exec spec for X.run: argv and env as NUL-
-- separated strings, with their counts. Env keys are sorted so that the
-- same spec always gives the same bytes.
function X.pack(spec, level)
  level = level + 1
  if type(spec) ~= "table" then U.fail(level, "image.exec: {\"prog\", \"arg\", ..., env = {...}} expected") end
  local argv = spec.argv or spec
  if type(argv) ~= "table" or #argv == 0 then U.fail(level, "image.exec: an argv array with the program first expected") end
  local a = {}
  for i, v in ipairs(argv) do
    if type(v) == "number" then v = tostring(v) end
    if type(v) ~= "string" then U.fail(level, "image.exec: argv[%d] is a %s, not a string", i, type(v)) end
    if v:find("%z") then U.fail(level, "image.exec: argv[%d] holds a NUL byte", i) end
    a[i] = v
  end
  local keys = {}
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
  return {
    args = table.concat(a, "\0") .. "\0", nargs = #a,
    envs = table.concat(e, "\0") .. "\0", nenv = #e,
    cwd = spec.cwd, log = spec.log, timeoutms = math.floor(timeout * 1000),
    prog = a[1],
  }
end

-- exec runs spec now (the Lua stage). With check ~= false a failure is an
-- error at the caller's line; the status is returned either way.
function X.exec(spec)
  local p = X.pack(spec, 1)
  local st = X.run(p.args, p.nargs, p.envs, p.nenv, p.cwd, p.log, p.timeoutms)
  if st ~= 0 and spec.check ~= false then
    local msg = "image.exec: " .. X.describe(p.prog, st)
    if p.log then msg = msg .. " (log: " .. p.log .. ")" end
    U.fail(1, "%s", msg)
  end
  return st
end

return X
