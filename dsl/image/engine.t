-- image.engine: the run-time half of the step engine, in Terra so that a
-- builder compiled by `terrac build` restarts and skips finished steps just
-- as `terrac` does. image.steps (Lua) computes the graph and lays it out as
-- a Plan; E.main walks it in order:
--
--   for each step: hash its inputs (reusing the hash its stamp recorded when
--   size, mtime and inode are unchanged), key = sha256(definition, input
--   hashes); up to date if the stamp has that key and the outputs are the
--   files it recorded; else restored from the store if the store holds the
--   key; else run, then store the outputs by content and link them into
--   place.
--
-- Every file the engine writes is written to a temp name in the same
-- directory, fsync'ed, renamed into place, and the directory fsync'ed.
-- IMAGE_KILL_AT=POINT[:N] kills the build with SIGKILL at the Nth time it
-- reaches POINT (see E.points), so tests can check that a rerun completes.
local H = require "image.sha256"
local X = require "image.exec"

local E = {}

local C = terralib.includecstring [[
#include <sys/stat.h>
#include <sys/types.h>
#include <fcntl.h>
#include <unistd.h>
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <time.h>
#include <sys/file.h>
typedef struct stat stat_t;
]]
E.C = C

-- Messages go to fd 2 through write, and stdout is flushed with
-- fflush(NULL): code naming the stdio globals stderr and stdout from two
-- header imports cannot share a module (terrac declares the global twice),
-- and a user's Terra step function joins the engine's module.
local eprintf = macro(function(fmt, ...)
  local args = { ... }
  return quote
    var buf : int8[1024]
    var n = C.snprintf(buf, 1024, fmt, [args])
    if n > 1023 then n = 1023 end
    if n > 0 then C.write(2, &buf[0], n) end
  end
end)
local flushout = macro(function() return `C.fflush(nil) end)

E.Ctx = require("image.stamp").Ctx

-- The plan: strings are offsets into blob.
struct E.Step { name : int64; def : int64; deflen : int64; in0 : int32; nin : int32; out0 : int32; nout : int32 }
struct E.In { path : int64; out : int32 } -- out: index of the producing output, or -1 for a source file
struct E.Out { path : int64; tmp : int64 }
struct E.Plan {
  n : int; steps : &E.Step; ins : &E.In; outs : &E.Out; nouts : int
  blob : rawstring; dir : rawstring
}

-- Places where IMAGE_KILL_AT can stop the build.
E.points = { "step-start", "step-ran", "store-temp", "store-rename", "ac-temp", "output-temp", "stamp-temp", "step-done" }

local O_RDONLY, O_WRONLY, O_CREAT, O_TRUNC, O_CLOEXEC, O_DIRECTORY = 0, 1, 0x40, 0x200, 0x80000, 0x10000
local ENOENT, EEXIST, EXDEV = 2, 17, 18
local PATHMAX = 4096

local errno = macro(function() return `@C.__errno_location() end)

local killname = global(rawstring, nil)
local killcount = global(int, 0)
local killinit = global(bool, false)

-- killpoint kills the process (SIGKILL: no cleanup, as a power cut would)
-- when IMAGE_KILL_AT names this point and it is reached the Nth time.
local terra killpoint(name : rawstring)
  if not killinit then
    killinit = true
    var v = C.getenv("IMAGE_KILL_AT")
    if v ~= nil and v[0] ~= 0 then
      killname = C.strdup(v)
      killcount = 1
      var colon = C.strchr(killname, 58)
      if colon ~= nil then
        @colon = 0
        killcount = C.atoi(colon + 1)
      end
    end
  end
  if killname ~= nil and C.strcmp(killname, name) == 0 then
    killcount = killcount - 1
    if killcount <= 0 then
      flushout()
      C.kill(C.getpid(), 9)
    end
  end
end

local terra nowms() : double
  var ts : C.timespec
  C.clock_gettime(1, &ts) -- CLOCK_MONOTONIC
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6
end

-- A file's stamp: when size, mtime and inode are unchanged we trust that
-- its contents are too, and reuse the hash recorded with the stamp.
struct Stamp { size : int64; mtime : int64; ino : uint64 }
local terra getstamp(path : rawstring, s : &Stamp) : bool
  var st : C.stat_t
  if C.stat(path, &st) ~= 0 then return false end
  s.size = st.st_size
  s.mtime = st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec
  s.ino = st.st_ino
  return true
end

-- mkdirs makes path and its parents.
local terra mkdirs(path : rawstring) : bool
  var buf : int8[PATHMAX]
  C.snprintf(buf, PATHMAX, "%s", path)
  var n = C.strlen(buf)
  for i = 1, n + 1 do
    if buf[i] == 47 or buf[i] == 0 then
      var c = buf[i]
      buf[i] = 0
      if C.mkdir(buf, 493) ~= 0 and errno() ~= EEXIST then return false end
      buf[i] = c
    end
  end
  return true
end

-- dirof writes the directory part of path ("." if none) into buf.
local terra dirof(path : rawstring, buf : rawstring)
  var slash = C.strrchr(path, 47)
  if slash == nil then C.strcpy(buf, ".") return end
  if slash == path then C.strcpy(buf, "/") return end
  C.memcpy(buf, path, slash - path)
  buf[slash - path] = 0
end

local terra fsyncdir(path : rawstring)
  var d : int8[PATHMAX]
  dirof(path, d)
  var fd = C.open(d, O_RDONLY or O_DIRECTORY or O_CLOEXEC, 0)
  if fd >= 0 then C.fsync(fd) C.close(fd) end
end

local terra fsyncfile(path : rawstring) : bool
  var fd = C.open(path, O_RDONLY or O_CLOEXEC, 0)
  if fd < 0 then return false end
  var ok = C.fsync(fd) == 0
  C.close(fd)
  return ok
end

local terra fail(what : rawstring, path : rawstring) : int
  eprintf("image: %s %s: %s\n", what, path, C.strerror(errno()))
  return 1
end

-- writeatomic writes n bytes to path through path.tmp: write, fsync,
-- rename, fsync the directory.
local terra writeatomic(path : rawstring, p : rawstring, n : uint64, point : rawstring) : bool
  var tmp : int8[PATHMAX]
  C.snprintf(tmp, PATHMAX, "%s.tmp", path)
  var fd = C.open(tmp, O_WRONLY or O_CREAT or O_TRUNC or O_CLOEXEC, 420)
  if fd < 0 then fail("cannot write", tmp) return false end
  var off : uint64 = 0
  while off < n do
    var w = C.write(fd, p + off, n - off)
    if w < 0 then
      if errno() == 4 then goto again end
      fail("cannot write", tmp) C.close(fd) return false
    end
    off = off + w
    ::again::
  end
  if C.fsync(fd) ~= 0 then fail("cannot fsync", tmp) C.close(fd) return false end
  C.close(fd)
  killpoint(point)
  if C.rename(tmp, path) ~= 0 then fail("cannot rename", tmp) return false end
  fsyncdir(path)
  return true
end

-- copyfile copies src to dst (used when a hard link is not possible).
local terra copyfile(src : rawstring, dst : rawstring) : bool
  var fin = C.open(src, O_RDONLY or O_CLOEXEC, 0)
  if fin < 0 then return false end
  var fout = C.open(dst, O_WRONLY or O_CREAT or O_TRUNC or O_CLOEXEC, 420)
  if fout < 0 then C.close(fin) return false end
  var buf = [&int8](C.malloc(1 << 20))
  var ok = true
  while true do
    var r = C.read(fin, buf, 1 << 20)
    if r == 0 then break end
    if r < 0 then if errno() == 4 then goto next end ok = false break end
    do
      var off : int64 = 0
      while off < r do
        var w = C.write(fout, buf + off, r - off)
        if w < 0 then if errno() == 4 then goto again end ok = false break end
        off = off + w
        ::again::
      end
    end
    if not ok then break end
    ::next::
  end
  C.free(buf)
  ok = ok and C.fsync(fout) == 0
  C.close(fin)
  C.close(fout)
  return ok
end

-- A lock file's descriptor, closed (and the lock released) by release.
struct Lock { fd : int }
terra Lock:release() if self.fd >= 0 then C.close(self.fd) self.fd = -1 end end

-- A growing text buffer.
struct Buf { p : rawstring; n : uint64; cap : uint64 }
terra Buf:init() self.cap = 256 self.n = 0 self.p = [rawstring](C.malloc(self.cap)) self.p[0] = 0 end
terra Buf:add(s : rawstring, n : uint64)
  if self.n + n + 1 > self.cap then
    while self.n + n + 1 > self.cap do self.cap = self.cap * 2 end
    self.p = [rawstring](C.realloc(self.p, self.cap))
  end
  C.memcpy(self.p + self.n, s, n)
  self.n = self.n + n
  self.p[self.n] = 0
end
terra Buf:str(s : rawstring) self:add(s, C.strlen(s)) end
terra Buf:free() C.free(self.p) end

-- A stamp file (DIR/.image-state/NAME) records a step's last successful
-- run: its key, and the stamp and hash of each input and output.
--   key HEX
--   in SIZE MTIME INODE HEX PATH
--   out SIZE MTIME INODE HEX PATH
--   def LENGTH
--   the step's definition (LENGTH bytes)
struct Rec { out : bool; st : Stamp; hash : uint8[32]; path : rawstring }
struct Record { have : bool; key : uint8[32]; n : int; recs : &Rec }

terra Record:load(path : rawstring)
  self.have, self.n, self.recs = false, 0, nil
  var f = C.fopen(path, "re")
  if f == nil then return end
  var line : int8[PATHMAX + 200]
  var cap = 0
  while C.fgets(line, [PATHMAX + 200], f) ~= nil do
    var len = C.strlen(line)
    if len > 0 and line[len - 1] == 10 then line[len - 1] = 0 end
    var hex : int8[65]
    var size : int64, mtime : int64, ino : uint64
    var pos = 0
    if C.strncmp(line, "def ", 4) == 0 then break end -- the definition, for image.steps
    if C.strncmp(line, "key ", 4) == 0 then
      self.have = H.unhex(line + 4, &self.key[0])
    elseif C.sscanf(line, "%*s %lld %lld %llu %64s %n", &size, &mtime, &ino, hex, &pos) == 4 and pos > 0 then
      if self.n == cap then
        cap = cap * 2 + 8
        self.recs = [&Rec](C.realloc(self.recs, sizeof(Rec) * cap))
      end
      var r = &self.recs[self.n]
      r.out = line[0] == 111 -- 'o'
      r.st.size, r.st.mtime, r.st.ino = size, mtime, ino
      r.path = C.strdup(line + pos)
      if H.unhex(hex, &r.hash[0]) then self.n = self.n + 1 else C.free(r.path) end
    end
  end
  C.fclose(f)
end
terra Record:find(out : bool, path : rawstring) : &Rec
  for i = 0, self.n do
    if self.recs[i].out == out and C.strcmp(self.recs[i].path, path) == 0 then return &self.recs[i] end
  end
  return nil
end
terra Record:free()
  for i = 0, self.n do C.free(self.recs[i].path) end
  C.free(self.recs)
end
terra Buf:rec(kind : rawstring, st : &Stamp, hash : &uint8, path : rawstring)
  var line : int8[200]
  var hex : int8[65]
  H.hex(hash, hex)
  C.snprintf(line, 200, "%s %lld %lld %llu %s ", kind, st.size, st.mtime, st.ino, hex)
  self:str(line)
  self:str(path)
  self:str("\n")
end

-- Options from the command line.
struct Opts {
  list : bool; dry : bool; prune : bool; verbose : bool
  store : rawstring
  force : &bool -- per step
}

local usage = "usage: BUILDER [--list] [--dry-run] [--prune] [--force NAME]... [--store DIR]\n"

-- States of a step in one pass.
local UPTODATE, RESTORE, RUN, MAYRUN = 1, 2, 3, 4

-- statusword describes a run function's result.
local terra statusword(st : int, buf : rawstring)
  if st == [X.TIMEOUT] then C.strcpy(buf, "timed out")
  elseif st == [X.NOTFOUND] then C.strcpy(buf, "command not found")
  elseif st == [X.FAILED] then C.strcpy(buf, "could not be started")
  elseif st == -101 then C.strcpy(buf, "its Lua function failed")
  elseif st == -102 then C.strcpy(buf, "its Terra function returned false")
  elseif st < -500000 then C.snprintf(buf, 64, "its Terra function returned %d", st + 1000000)
  elseif st > [X.SIGNALED] then C.snprintf(buf, 64, "killed by signal %d", st - [X.SIGNALED])
  else C.snprintf(buf, 64, "exit status %d", st) end
end

-- tail prints the last n lines of a log on stderr.
local terra tail(path : rawstring, n : int)
  var f = C.fopen(path, "re")
  if f == nil then return end
  C.fseek(f, 0, 2)
  var size = C.ftell(f)
  var start : int64 = 0
  if size > 65536 then start = size - 65536 end
  C.fseek(f, start, 0)
  var buf = [rawstring](C.malloc(size - start + 1))
  var got = C.fread(buf, 1, size - start, f)
  C.fclose(f)
  buf[got] = 0
  var lines = 0
  var i : int64 = got
  if i > 0 and buf[i - 1] == 10 then i = i - 1 end
  while i > 0 do
    if buf[i - 1] == 10 then
      lines = lines + 1
      if lines == n then break end
    end
    i = i - 1
  end
  C.write(2, buf + i, got - i)
  if got > 0 and buf[got - 1] ~= 10 then C.write(2, "\n", 1) end
  C.free(buf)
end

-- casname writes STORE/cas/ab/HEX (and makes its directory) into buf.
local terra objpath(store : rawstring, kind : rawstring, hash : &uint8, buf : rawstring, make : bool)
  var hex : int8[65]
  H.hex(hash, hex)
  C.snprintf(buf, PATHMAX, "%s/%s/%.2s", store, kind, hex)
  if make then mkdirs(buf) end
  C.snprintf(buf, PATHMAX, "%s/%s/%.2s/%s", store, kind, hex, hex)
end

-- place puts the stored object obj at path: a hard link (a copy if the
-- store is on another file system) under a temp name, then a rename.
local terra place(obj : rawstring, path : rawstring) : bool
  var tmp : int8[PATHMAX]
  C.snprintf(tmp, PATHMAX, "%s.image-link", path)
  C.unlink(tmp)
  if C.link(obj, tmp) ~= 0 then
    if not copyfile(obj, tmp) then fail("cannot copy to", tmp) return false end
  end
  killpoint("output-temp")
  if C.rename(tmp, path) ~= 0 then fail("cannot rename", tmp) return false end
  C.unlink(tmp) -- rename leaves it when path was already the same file
  fsyncdir(path)
  return true
end

-- store moves a finished temp output into the store under its content
-- hash. An object already there is replaced, not trusted: an output linked
-- to it may have been edited in place.
local terra store(tmp : rawstring, hash : &uint8, storedir : rawstring) : bool
  var obj : int8[PATHMAX]
  objpath(storedir, "cas", hash, obj, true)
  if not fsyncfile(tmp) then fail("cannot fsync", tmp) return false end
  killpoint("store-temp")
  if C.rename(tmp, obj) ~= 0 then
    if errno() ~= EXDEV or not copyfile(tmp, obj) then fail("cannot store", tmp) return false end
    C.unlink(tmp)
  end
  fsyncdir(obj)
  killpoint("store-rename")
  return true
end

-- restore reads the store's entry for key: the content hash of each output,
-- one per line. It checks that each object still holds what its name says
-- (an output linked to it may have been edited in place) before linking.
local terra restorable(storedir : rawstring, key : &uint8, nout : int, hashes : &uint8) : bool
  var ac : int8[PATHMAX]
  objpath(storedir, "ac", key, ac, false)
  var f = C.fopen(ac, "re")
  if f == nil then return false end
  var line : int8[100]
  var n = 0
  while n < nout and C.fgets(line, 100, f) ~= nil do
    if not H.unhex(line, hashes + 32 * n) then break end
    n = n + 1
  end
  C.fclose(f)
  if n ~= nout then return false end
  for i = 0, nout do
    var obj : int8[PATHMAX]
    objpath(storedir, "cas", hashes + 32 * i, obj, false)
    var d : uint8[32]
    if H.file(obj, &d[0]) ~= 0 or C.memcmp(&d[0], hashes + 32 * i, 32) ~= 0 then return false end
  end
  return true
end

-- prune removes what the store holds beyond the keys in keep (nkeep of
-- them) and the objects their entries name.
local terra prune(storedir : rawstring, keep : &uint8, nkeep : int) : int
  var removed, bytes = 0, 0LL
  var live = Buf {}
  live:init()
  -- action entries: keep the listed keys, remember the objects they name
  var top : int8[PATHMAX]
  for pass = 0, 2 do
    var kind = terralib.select(pass == 0, "ac", "cas")
    C.snprintf(top, PATHMAX, "%s/%s", storedir, kind)
    var d1 = C.opendir(top)
    if d1 == nil then goto nextpass end
    while true do
      var e1 = C.readdir(d1)
      if e1 == nil then break end
      if e1.d_name[0] == 46 then goto next1 end
      do
        var sub : int8[PATHMAX]
        C.snprintf(sub, PATHMAX, "%s/%s", top, e1.d_name)
        var d2 = C.opendir(sub)
        if d2 == nil then goto next1 end
        while true do
          var e2 = C.readdir(d2)
          if e2 == nil then break end
          if e2.d_name[0] == 46 then goto next2 end
          do
            var path : int8[PATHMAX]
            C.snprintf(path, PATHMAX, "%s/%s", sub, e2.d_name)
            var h : uint8[32]
            var keepit = false
            if H.unhex(e2.d_name, &h[0]) and C.strlen(e2.d_name) == 64 then
              if pass == 0 then
                for k = 0, nkeep do
                  if C.memcmp(keep + 32 * k, &h[0], 32) == 0 then keepit = true end
                end
                if keepit then
                  var f = C.fopen(path, "re")
                  if f ~= nil then
                    var line : int8[100]
                    while C.fgets(line, 100, f) ~= nil do live:add(line, 64) end
                    C.fclose(f)
                  end
                end
              else
                var p = live.p
                while p < live.p + live.n do
                  if C.strncmp(p, e2.d_name, 64) == 0 then keepit = true break end
                  p = p + 64
                end
              end
            end
            if not keepit then
              var st : Stamp
              if getstamp(path, &st) then bytes = bytes + st.size end
              if C.unlink(path) == 0 then removed = removed + 1 end
            end
          end
          ::next2::
        end
        C.closedir(d2)
        C.rmdir(sub) -- only when empty
      end
      ::next1::
    end
    C.closedir(d1)
    ::nextpass::
  end
  live:free()
  C.printf("pruned %d store entries (%lld bytes)\n", removed, bytes)
  flushout()
  return 0
end

-- What one pass over the plan carries from step to step.
struct Pass {
  o : &Opts; looking : bool; tty : bool
  statedir : rawstring; logdir : rawstring
  ohash : &uint8; oknown : &bool -- content hash of each output, when known
  keys : &uint8; nkeys : int     -- the keys seen, for --prune
  ran : int; cached : int
}

-- shown is path made absolute for messages (when it exists), so a log
-- path means the same from any directory.
local terra shown(path : rawstring, buf : rawstring) : rawstring
  if C.realpath(path, buf) ~= nil then return buf end
  return path
end

-- inputfail reports a step's unusable input on stderr and in the step's
-- log (made for it: the step never ran), and names the log, as a failed
-- run does.
local terra inputfail(p : &Pass, name : rawstring, what : rawstring, path : rawstring, why : rawstring)
  eprintf("image: step %s: %s %s: %s\n", name, what, path, why)
  var logpath : int8[PATHMAX]
  C.snprintf(logpath, PATHMAX, "%s/%s.log", p.logdir, name)
  mkdirs(p.logdir)
  var fd = C.open(logpath, O_WRONLY or O_CREAT or O_TRUNC or O_CLOEXEC, 420)
  if fd >= 0 then
    var buf : int8[1024]
    var n = C.snprintf(buf, 1024, "step %s did not run: %s %s: %s\n", name, what, path, why)
    if n > 1023 then n = 1023 end
    if n > 0 then C.write(fd, &buf[0], n) end
    C.close(fd)
    var abs : int8[PATHMAX]
    eprintf("image: log: %s\n", shown(logpath, abs))
  end
end

-- inputs hashes step s's inputs into h and their records into now. It
-- returns RUN, MAYRUN (an input's producer has not run yet) or -1.
local terra inputs(plan : &E.Plan, p : &Pass, s : int, rec : &Record, h : &H.State, now : &Buf, changed : &bool) : int
  var b = plan.blob
  var step = &plan.steps[s]
  var name = b + step.name
  for k = 0, step.nin do
    var inp = &plan.ins[step.in0 + k]
    var path = b + inp.path
    if inp.out >= 0 and not p.oknown[inp.out] then return MAYRUN end
    var st : Stamp
    var d : uint8[32]
    if not getstamp(path, &st) then
      inputfail(p, name, "input", path, C.strerror(errno()))
      return -1
    end
    var r = rec:find(false, path)
    if inp.out >= 0 then
      C.memcpy(&d[0], p.ohash + 32 * inp.out, 32)
      if r == nil or r.st.size ~= st.size or r.st.mtime ~= st.mtime or r.st.ino ~= st.ino then @changed = true end
    else
      if r ~= nil and r.st.size == st.size and r.st.mtime == st.mtime and r.st.ino == st.ino then
        C.memcpy(&d[0], &r.hash[0], 32)
      else
        @changed = true
        if H.file(path, &d[0]) ~= 0 then
          inputfail(p, name, "cannot read input", path, C.strerror(errno()))
          return -1
        end
      end
    end
    h:update(&d[0], 32)
    -- A file changed within the file system's timestamp granularity of
    -- being hashed could change again with the same size and mtime; such
    -- a recent stamp is recorded as unknown, so the next build hashes the
    -- file again (git's "racy" entries). Other steps' outputs are written
    -- only by us.
    var rst = st
    var ts : C.timespec
    C.clock_gettime(0, &ts) -- CLOCK_REALTIME
    if inp.out < 0 and ts.tv_sec * 1000000000LL + ts.tv_nsec - st.mtime < 2000000000LL then rst.mtime = 0 end
    now:rec("in", &rst, &d[0], path)
  end
  return RUN
end

-- execute runs step s into its temp outputs, then stores them and records
-- the key's entry. 0 on success.
local terra execute(plan : &E.Plan, run : {int, &E.Ctx} -> int, p : &Pass, s : int, key : &uint8,
                    outh : &uint8, logpath : rawstring, t1 : double) : int
  var b = plan.blob
  var step = &plan.steps[s]
  var name = b + step.name
  var ins = [&rawstring](C.malloc(sizeof(rawstring) * (step.nin + 1)))
  var outs = [&rawstring](C.malloc(sizeof(rawstring) * (step.nout + 1)))
  defer C.free(ins)
  defer C.free(outs)
  for k = 0, step.nin do ins[k] = b + plan.ins[step.in0 + k].path end
  for k = 0, step.nout do
    outs[k] = b + plan.outs[step.out0 + k].tmp
    C.unlink(outs[k])
    var d : int8[PATHMAX]
    dirof(outs[k], d)
    mkdirs(d)
  end
  var lf = C.open(logpath, O_WRONLY or O_CREAT or O_TRUNC or O_CLOEXEC, 420)
  if lf >= 0 then C.close(lf) end
  var ctx = E.Ctx { name, step.nin, ins, step.nout, outs, logpath }
  killpoint("step-start")
  -- Terra and Lua run functions write to our stdout and stderr: point
  -- both at the log while the step runs.
  flushout()
  var saved1, saved2 = C.dup(1), C.dup(2)
  var lfd = C.open(logpath, O_WRONLY or 0x400 or O_CLOEXEC, 420) -- O_APPEND
  if lfd >= 0 then
    C.dup2(lfd, 1)
    C.dup2(lfd, 2)
    C.close(lfd)
  end
  var st = run(s, &ctx)
  flushout()
  if saved1 >= 0 then C.dup2(saved1, 1) C.close(saved1) end
  if saved2 >= 0 then C.dup2(saved2, 2) C.close(saved2) end
  var ms = nowms() - t1
  var why : int8[200]
  if st == 0 then
    for k = 0, step.nout do
      if C.access(outs[k], 0) ~= 0 then
        C.snprintf(why, 200, "it did not write %s", b + plan.outs[step.out0 + k].path)
        st = -100
      end
    end
  else
    statusword(st, why)
  end
  if st ~= 0 then
    if p.tty then C.printf("\r\27[K") end
    flushout()
    var abs : int8[PATHMAX]
    eprintf("image: step %s failed (%s) after %.2fs\nimage: log: %s\n", name, why, ms / 1000.0, shown(logpath, abs))
    tail(logpath, 20)
    return 1
  end
  killpoint("step-ran")
  var ac = Buf {}
  ac:init()
  defer ac:free()
  for k = 0, step.nout do
    if H.file(outs[k], outh + 32 * k) ~= 0 then return fail("cannot read", outs[k]) end
    if not store(outs[k], outh + 32 * k, p.o.store) then return 1 end
    var hex : int8[66]
    H.hex(outh + 32 * k, hex)
    hex[64], hex[65] = 10, 0
    ac:str(hex)
  end
  var acpath : int8[PATHMAX]
  objpath(p.o.store, "ac", key, acpath, true)
  if not writeatomic(acpath, ac.p, ac.n, "ac-temp") then return 1 end
  return 0
end

-- onestep brings step s up to date (or, with --list, --dry-run or
-- --prune, only says what it would do). 0 on success.
local terra onestep(plan : &E.Plan, run : {int, &E.Ctx} -> int, p : &Pass, s : int) : int
  var b = plan.blob
  var n = plan.n
  var step = &plan.steps[s]
  var name = b + step.name
  var statepath : int8[PATHMAX]
  var logpath : int8[PATHMAX]
  C.snprintf(statepath, PATHMAX, "%s/%s", p.statedir, name)
  C.snprintf(logpath, PATHMAX, "%s/%s.log", p.logdir, name)
  if p.tty then
    var bar : int8[21]
    var fill = (20 * s) / n
    for k = 0, 20 do bar[k] = terralib.select(k < fill, 35, 46) end
    bar[20] = 0
    C.printf("\r\27[K[%s] %d/%d %s", bar, s + 1, n, name)
    flushout()
  end
  var rec : Record
  rec:load(statepath)
  defer rec:free()
  var now : Buf
  now:init()
  defer now:free()
  var outh = [&uint8](C.calloc(step.nout + 1, 32))
  defer C.free(outh)

  -- key = sha256(definition, then each input's content hash)
  var h : H.State
  h:init()
  h:update([&uint8](b + step.def), step.deflen)
  var changed = false -- a source input was rehashed: record its new stamp
  var state = inputs(plan, p, s, &rec, &h, &now, &changed)
  if state < 0 then return 1 end
  var key : uint8[32]
  if state == RUN then
    h:final(&key[0])
    C.memcpy(p.keys + 32 * p.nkeys, &key[0], 32)
    p.nkeys = p.nkeys + 1
    if not p.o.force[s] then
      -- up to date: same key, and the outputs are the files recorded
      if rec.have and C.memcmp(&rec.key[0], &key[0], 32) == 0 then
        var all = true
        for k = 0, step.nout do
          var path = b + plan.outs[step.out0 + k].path
          var r = rec:find(true, path)
          var st : Stamp
          if r == nil or not getstamp(path, &st) or r.st.size ~= st.size or r.st.mtime ~= st.mtime or r.st.ino ~= st.ino then
            all = false
            break
          end
          C.memcpy(outh + 32 * k, &r.hash[0], 32)
        end
        if all then state = UPTODATE end
      end
      if state == RUN and restorable(p.o.store, &key[0], step.nout, outh) then state = RESTORE end
    end
  elseif rec.have then
    -- the key is not known yet; --prune keeps the last one
    C.memcpy(p.keys + 32 * p.nkeys, &rec.key[0], 32)
    p.nkeys = p.nkeys + 1
  end

  if p.looking then
    if p.o.list then
      var what = terralib.select(state == UPTODATE, "up to date", terralib.select(state == RESTORE, "in the store",
        terralib.select(state == RUN, "would run", "would run if its inputs change")))
      C.printf("%-24s %s\n", name, what)
    elseif p.o.dry and (state == RUN or state == MAYRUN) then
      C.printf("would run %s%s\n", name, terralib.select(state == MAYRUN, " (if its inputs change)", ""))
    end
    if state == UPTODATE or state == RESTORE then
      for k = 0, step.nout do
        C.memcpy(p.ohash + 32 * (step.out0 + k), outh + 32 * k, 32)
        p.oknown[step.out0 + k] = true
      end
    end
    return 0
  end

  var t1 = nowms()
  if state == RUN and execute(plan, run, p, s, &key[0], outh, logpath, t1) ~= 0 then return 1 end
  if state == RUN or state == RESTORE then
    for k = 0, step.nout do
      var obj : int8[PATHMAX]
      objpath(p.o.store, "cas", outh + 32 * k, obj, false)
      if not place(obj, b + plan.outs[step.out0 + k].path) then return 1 end
    end
  end
  if state == RUN or state == RESTORE or changed then
    -- the stamp: the key, the inputs as hashed above, the outputs as placed
    var kh : int8[65]
    H.hex(&key[0], kh)
    var text = Buf {}
    text:init()
    defer text:free()
    text:str("key ")
    text:str(kh)
    text:str("\n")
    text:add(now.p, now.n)
    for k = 0, step.nout do
      var path = b + plan.outs[step.out0 + k].path
      var st : Stamp
      if not getstamp(path, &st) then return fail("cannot stat", path) end
      text:rec("out", &st, outh + 32 * k, path)
    end
    -- the definition itself, last, so the Lua side can see nothing changed
    -- without hashing
    var dl : int8[40]
    C.snprintf(dl, 40, "def %lld\n", step.deflen)
    text:str(dl)
    text:add(b + step.def, step.deflen)
    if not writeatomic(statepath, text.p, text.n, "stamp-temp") then return 1 end
  end
  for k = 0, step.nout do
    C.memcpy(p.ohash + 32 * (step.out0 + k), outh + 32 * k, 32)
    p.oknown[step.out0 + k] = true
  end
  if state == RUN then p.ran = p.ran + 1 else p.cached = p.cached + 1 end
  if not p.tty then
    if state == RUN then
      C.printf("[%d/%d] %s %.2fs\n", s + 1, n, name, (nowms() - t1) / 1000.0)
    elseif state == RESTORE then
      C.printf("[%d/%d] %s cached (from the store)\n", s + 1, n, name)
    else
      C.printf("[%d/%d] %s cached\n", s + 1, n, name)
    end
    flushout()
  end
  killpoint("step-done")
  return 0
end

-- main runs the plan (see the top of the file). args are the builder's
-- arguments without the program name; run(i, ctx) runs step i. It returns
-- 0, 1 when a step failed, or 2 for bad arguments.
terra E.main(plan : &E.Plan, run : {int, &E.Ctx} -> int, argc : int, argv : &rawstring) : int
  var b = plan.blob
  var n = plan.n
  -- IMAGE_KILL_AT is read afresh by each build: a Lua stage that ran a
  -- build before compiling a builder would otherwise bake its reading in
  -- (terrac saves a plain global with the value it holds).
  killinit, killname, killcount = false, nil, 0
  var o : Opts
  o.list, o.dry, o.prune, o.verbose, o.store = false, false, false, false, nil
  o.force = [&bool](C.calloc(n + 1, 1))
  defer C.free(o.force)
  var i = 0
  while i < argc do
    var a = argv[i]
    if C.strcmp(a, "--list") == 0 then o.list = true
    elseif C.strcmp(a, "--dry-run") == 0 or C.strcmp(a, "-n") == 0 then o.dry = true
    elseif C.strcmp(a, "--prune") == 0 then o.prune = true
    elseif C.strcmp(a, "--store") == 0 and i + 1 < argc then
      i = i + 1
      o.store = argv[i]
    elseif C.strcmp(a, "--force") == 0 and i + 1 < argc then
      i = i + 1
      var found = false
      for k = 0, n do
        if C.strcmp(b + plan.steps[k].name, argv[i]) == 0 then o.force[k], found = true, true end
      end
      if not found then
        eprintf("image: --force: there is no step named %s\n", argv[i])
        return 2
      end
    else
      eprintf("image: unknown argument %s\n%s", a, usage)
      return 2
    end
    i = i + 1
  end
  var storebuf : int8[PATHMAX]
  if o.store == nil then
    C.snprintf(storebuf, PATHMAX, "%s/.image-store", plan.dir)
    o.store = storebuf
  end
  var statedir : int8[PATHMAX]
  var logdir : int8[PATHMAX]
  C.snprintf(statedir, PATHMAX, "%s/.image-state", plan.dir)
  C.snprintf(logdir, PATHMAX, "%s/.logs", plan.dir)
  var p : Pass
  p.o, p.statedir, p.logdir = &o, statedir, logdir
  p.looking = o.list or o.dry or o.prune
  p.tty = C.isatty(1) ~= 0 and not p.looking
  var lock = Lock { -1 }
  defer lock:release()
  if not p.looking then
    if not mkdirs(o.store) then return fail("cannot make", o.store) end
    if not mkdirs(statedir) then return fail("cannot make", statedir) end
    if not mkdirs(logdir) then return fail("cannot make", logdir) end
    -- one build at a time in a directory (the lock goes with the process)
    var lockpath : int8[PATHMAX]
    C.snprintf(lockpath, PATHMAX, "%s/lock", statedir)
    lock.fd = C.open(lockpath, O_WRONLY or O_CREAT or O_CLOEXEC, 420)
    if lock.fd < 0 or C.flock(lock.fd, 6) ~= 0 then -- LOCK_EX | LOCK_NB
      eprintf("image: another build is running in %s\n", plan.dir)
      return 1
    end
  end
  p.ohash = [&uint8](C.calloc(plan.nouts + 1, 32))
  p.oknown = [&bool](C.calloc(plan.nouts + 1, 1))
  p.keys = [&uint8](C.calloc(n + 1, 32))
  p.nkeys, p.ran, p.cached = 0, 0, 0
  defer C.free(p.ohash)
  defer C.free(p.oknown)
  defer C.free(p.keys)
  for s = 0, n do
    if onestep(plan, run, &p, s) ~= 0 then flushout() return 1 end
  end
  if o.prune then return prune(o.store, p.keys, p.nkeys) end
  if p.tty then
    C.printf("\r\27[Kimage: %d steps, %d ran, %d cached\n", n, p.ran, p.cached)
  end
  flushout()
  return 0
end

-- mainargs is main for callers that hold the arguments as nargs strings
-- laid end to end (the Lua stage).
terra E.mainargs(plan : &E.Plan, run : {int, &E.Ctx} -> int, args : rawstring, nargs : int) : int
  var argv = [&rawstring](C.malloc(sizeof(rawstring) * (nargs + 1)))
  var q = args
  for k = 0, nargs do
    argv[k] = q
    q = q + C.strlen(q) + 1
  end
  var rc = E.main(plan, run, nargs, argv)
  C.free(argv)
  return rc
end

return E
