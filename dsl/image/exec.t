-- image.exec: run a program from an argv array, never through a shell.
--
--   image.exec{ "mke2fs", "-q", "-d", "root.tar", "root.img",
--               env = { PATH = "/usr/sbin:/usr/bin:/sbin:/bin" },  -- default: empty, like env -i
--               cwd = "build",          -- default: the current directory
--               timeout = 60,           -- seconds; the program is killed after it
--               log = "build/mke2fs.log",  -- stdout and stderr appended here
--               stdin = "in", stdout = "out",  -- default: /dev/null, the log
--               check = true }          -- default: a failure raises an error
--   image.exec(image.pipe{ { "cpio", "-o", "-H", "newc" }, { "gzip", "-9" },
--                          stdin = "list", stdout = "root.cpio.gz" })
--   image.exec(image.sh"ls | wc -l")   -- a shell only when asked for
--
-- The Terra side (X.runv, X.run) spawns with posix_spawn and waits, so that a
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
int pipe2(int fds[2], int flags);
]]
X.C = C

-- Messages go to fd 2 through write: naming stdio's stderr global would
-- clash with another header import's in the same JIT module.
local eprintf = macro(function(fmt, ...)
  local args = { ... }
  return quote
    var buf : int8[512]
    var n = C.snprintf(buf, 512, fmt, [args])
    if n > 511 then n = 511 end
    if n > 0 then C.write(2, &buf[0], n) end
  end
end)

-- Statuses beyond a program's own exit codes 0..255.
X.SIGNALED = 128 -- plus the signal number
X.TIMEOUT = -2
X.NOTFOUND = -3
X.FAILED = -1

local O_RDONLY, O_WRONLY, O_CREAT, O_TRUNC, O_APPEND, O_CLOEXEC = 0, 1, 0x40, 0x200, 0x400, 0x80000
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

-- A command of a pipeline: nargs NUL-terminated strings laid end to end.
struct X.Cmd { args : rawstring; nargs : int }

local terra closefd(fd : int) if fd >= 0 then C.close(fd) end end

-- runv spawns the pipeline cmds[0] | cmds[1] | ... (ncmds >= 1) with the
-- environment envs (nenv "K=V" strings), in cwd (nil: ours). The first
-- command reads stdinpath (nil: /dev/null); the last writes stdoutpath
-- (nil: the log), created or truncated. stderr of every command, and
-- stdout when stdoutpath is nil, are appended to logpath (nil: ours). It
-- waits at most timeoutms (<= 0: forever) and returns the status of the
-- rightmost command that failed (like `set -o pipefail`): its exit status,
-- X.SIGNALED + the signal, or X.TIMEOUT, X.NOTFOUND, X.FAILED.
terra X.runv(cmds : &X.Cmd, ncmds : int, envs : rawstring, nenv : int, cwd : rawstring,
             logpath : rawstring, stdinpath : rawstring, stdoutpath : rawstring, timeoutms : int64) : int
  var envp = split(envs, nenv)
  defer C.free(envp)
  var argvs = [&&rawstring](C.malloc(sizeof([&rawstring]) * ncmds))
  var progs = [&rawstring](C.malloc(sizeof(rawstring) * ncmds))
  var pids = [&C.pid_t](C.malloc(sizeof(C.pid_t) * ncmds))
  var result = 0
  var nspawned = 0
  var prevread = -1
  -- Find every program before starting any, so that a missing one leaves
  -- nothing half-started.
  for k = 0, ncmds do
    argvs[k] = split(cmds[k].args, cmds[k].nargs)
    progs[k] = lookup(argvs[k][0], envp)
    if progs[k] == nil then result = [X.NOTFOUND] end
  end

  -- The children start with no blocked signals and default handlers, not
  -- with whatever the host process (the Go runtime, say) installed.
  var attr : C.posix_spawnattr_t
  C.posix_spawnattr_init(&attr)
  var none : C.sigset_t
  var all : C.sigset_t
  C.sigemptyset(&none)
  C.sigfillset(&all)
  C.sigdelset(&all, SIGKILL)
  C.sigdelset(&all, 19) -- SIGSTOP
  C.posix_spawnattr_setsigmask(&attr, &none)
  C.posix_spawnattr_setsigdefault(&attr, &all)
  C.posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF or POSIX_SPAWN_SETSIGMASK)

  if result == 0 then
    for k = 0, ncmds do
      var p : int[2]
      p[0], p[1] = -1, -1
      if k < ncmds - 1 and C.pipe2(&p[0], O_CLOEXEC) ~= 0 then
        eprintf("image.exec: pipe: %s\n", C.strerror(@C.__errno_location()))
        result = [X.FAILED]
        break
      end
      var fa : C.posix_spawn_file_actions_t
      C.posix_spawn_file_actions_init(&fa)
      if k > 0 then
        C.posix_spawn_file_actions_adddup2(&fa, prevread, 0)
      elseif stdinpath ~= nil then
        C.posix_spawn_file_actions_addopen(&fa, 0, stdinpath, O_RDONLY, 0)
      else
        C.posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0)
      end
      if k < ncmds - 1 then
        C.posix_spawn_file_actions_adddup2(&fa, p[1], 1)
      elseif stdoutpath ~= nil then
        C.posix_spawn_file_actions_addopen(&fa, 1, stdoutpath, O_WRONLY or O_CREAT or O_TRUNC, 420)
      elseif logpath ~= nil then
        C.posix_spawn_file_actions_addopen(&fa, 1, logpath, O_WRONLY or O_CREAT or O_APPEND, 420)
      end
      if logpath ~= nil then
        C.posix_spawn_file_actions_addopen(&fa, 2, logpath, O_WRONLY or O_CREAT or O_APPEND, 420)
      end
      if cwd ~= nil then C.posix_spawn_file_actions_addchdir_np(&fa, cwd) end
      var err = C.posix_spawn(&pids[k], progs[k], &fa, &attr, argvs[k], envp)
      C.posix_spawn_file_actions_destroy(&fa)
      closefd(prevread)
      closefd(p[1])
      prevread = p[0]
      if err ~= 0 then
        eprintf("image.exec: cannot run %s: %s\n", progs[k], C.strerror(err))
        result = [X.FAILED]
        break
      end
      nspawned = k + 1
    end
  end
  closefd(prevread)
  C.posix_spawnattr_destroy(&attr)

  -- Wait for every child; past the deadline, kill the ones left.
  var start = monotonicms()
  var wait = 1
  var left = nspawned
  var statuses = [&int](C.malloc(sizeof(int) * ncmds))
  for k = 0, nspawned do statuses[k] = -1 end
  var timedout = false
  if result ~= 0 then -- a later command could not start: stop the earlier ones
    for k = 0, nspawned do C.kill(pids[k], SIGKILL) end
  end
  while left > 0 do
    var polling = timeoutms > 0 and not timedout
    var progress = false
    for k = 0, nspawned do
      if statuses[k] < 0 then
        var status : int
        var r = C.waitpid(pids[k], &status, terralib.select(polling, WNOHANG, 0))
        if r == pids[k] then
          statuses[k], left, progress = status, left - 1, true
        elseif r < 0 and @C.__errno_location() ~= 4 then -- not EINTR
          eprintf("image.exec: waiting for %s: %s\n", progs[k], C.strerror(@C.__errno_location()))
          statuses[k], left, result = 0, left - 1, [X.FAILED]
        end
      end
    end
    if left > 0 and polling and not progress then
      if monotonicms() - start >= timeoutms then
        for k = 0, nspawned do if statuses[k] < 0 then C.kill(pids[k], SIGKILL) end end
        timedout = true
      else
        sleepms(wait)
        if wait < 20 then wait = wait * 2 end
      end
    end
  end
  if result == 0 then
    for k = 0, nspawned do
      var st = statuses[k]
      var v = terralib.select((st and 0x7f) == 0, (st >> 8) and 0xff, [X.SIGNALED] + (st and 0x7f))
      if v ~= 0 then result = v end
    end
    if timedout then result = [X.TIMEOUT] end
  end
  for k = 0, ncmds do
    C.free(argvs[k])
    C.free(progs[k])
  end
  C.free(statuses)
  C.free(argvs)
  C.free(progs)
  C.free(pids)
  return result
end

-- run spawns argv (nargs strings laid end to end in args) with the
-- environment envs (nenv "K=V" strings), in cwd (nil: ours), with stdin
-- from /dev/null and stdout and stderr appended to logpath (nil: ours),
-- and waits at most timeoutms (<= 0: forever). It returns the exit
-- status, X.SIGNALED + the signal, or X.TIMEOUT, X.NOTFOUND, X.FAILED.
terra X.run(args : rawstring, nargs : int, envs : rawstring, nenv : int,
            cwd : rawstring, logpath : rawstring, timeoutms : int64) : int
  var cmd = X.Cmd { args, nargs }
  return X.runv(&cmd, 1, envs, nenv, cwd, logpath, nil, nil, timeoutms)
end

local nonempty = macro(function(s) return `terralib.select(s ~= nil and s[0] ~= 0, s, [rawstring](nil)) end)

-- runpipe is runv for callers that hold the commands as one string: the
-- arguments of all commands laid end to end, counts[k] of them for
-- command k. Empty paths stand for nil.
terra X.runpipe(args : rawstring, counts : &int, ncmds : int, envs : rawstring, nenv : int,
                cwd : rawstring, logpath : rawstring, stdinpath : rawstring, stdoutpath : rawstring,
                timeoutms : int64) : int
  var cmds = [&X.Cmd](C.malloc(sizeof(X.Cmd) * ncmds))
  var p = args
  for k = 0, ncmds do
    cmds[k].args, cmds[k].nargs = p, counts[k]
    for i = 0, counts[k] do p = p + C.strlen(p) + 1 end
  end
  var st = X.runv(cmds, ncmds, envs, nenv, nonempty(cwd), nonempty(logpath), nonempty(stdinpath),
                  nonempty(stdoutpath), timeoutms)
  C.free(cmds)
  return st
end

-- The Lua side (checking and packing specs) lives in image.execspec, so the
-- step engine can describe steps without loading this file's Terra code.
local XS = require "image.execspec"
X.ispipe, X.sh, X.pipe, X.pack, X.describe = XS.ispipe, XS.sh, XS.pipe, XS.pack, XS.describe

-- allowed fails when TERRAC_IMAGE_STEPS=off, the language server's
-- default: opening a build script must not start programs.
function X.allowed(level)
  if os.getenv("TERRAC_IMAGE_STEPS") == "off" then
    U.fail(level + 1, "image: running programs and steps is disabled here (TERRAC_IMAGE_STEPS=off)")
  end
end

-- start runs a packed spec now.
function X.start(p)
  X.allowed(1)
  local counts = terralib.new(int[#p.counts], p.counts)
  return X.runpipe(p.args, counts, #p.counts, p.envs, p.nenv, p.cwd or "", p.log or "", p.stdin or "",
    p.stdout or "", p.timeoutms)
end

-- exec runs spec (an argv array with options, or an image.pipe) now, in
-- the Lua stage. With check ~= false a failure is an error at the caller's
-- line; the status is returned either way.
function X.exec(spec)
  X.allowed(1)
  local p = X.pack(spec, 1)
  local st = X.start(p)
  if st ~= 0 and spec.check ~= false then
    local msg = "image.exec: " .. X.describe(p.prog, st)
    if p.log then msg = msg .. " (log: " .. p.log .. ")" end
    U.fail(1, "%s", msg)
  end
  return st
end

return X
