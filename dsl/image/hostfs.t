-- image.hostfs: what the tree library reads from the host file system,
-- done in Terra so that a compiled builder can do it too: whole files,
-- lstat (never following links), readlink and directory listings.
local ffi = require "ffi"

local H = {}

local C = terralib.includecstring [[
#include <sys/stat.h>
#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
typedef struct stat image_stat_t;
]]
H.C = C

local O_RDONLY, O_CLOEXEC, O_NOFOLLOW = 0, 0x80000, 0x20000

-- readfile reads all of path into a malloc'd buffer (free it with H.free)
-- and stores its length in n; nil when it cannot be read. With nofollow a
-- symlink at path is refused.
terra H.readfile(path : rawstring, nofollow : bool, n : &int64) : &uint8
  var flags = O_RDONLY or O_CLOEXEC
  if nofollow then flags = flags or O_NOFOLLOW end
  var fd = C.open(path, flags, 0)
  if fd < 0 then return nil end
  var cap : int64 = 65536
  var len : int64 = 0
  var buf = [&uint8](C.malloc(cap))
  while true do
    if len == cap then
      cap = cap * 2
      buf = [&uint8](C.realloc(buf, cap))
    end
    var r = C.read(fd, buf + len, cap - len)
    if r < 0 then
      if @C.__errno_location() == 4 then goto again end -- EINTR
      C.free(buf) C.close(fd) return nil
    end
    if r == 0 then break end
    len = len + r
    ::again::
  end
  C.close(fd)
  @n = len
  return buf
end

terra H.free(p : &opaque) C.free(p) end

-- filesize is the size of the file at path: -1 when it cannot be opened,
-- -2 when it is a directory. One call, since trees ask it for every file.
terra H.filesize(path : rawstring) : int64
  var fd = C.open(path, O_RDONLY or O_CLOEXEC, 0)
  if fd < 0 then return -1 end
  var st : C.image_stat_t
  var n : int64 = -1
  if C.fstat(fd, &st) == 0 then
    n = st.st_size
    if (st.st_mode and 0xF000) == 0x4000 then n = -2 end
  end
  C.close(fd)
  return n
end

-- lstat fills out with mode, size, major and minor of path itself (a
-- symlink is described, not followed). It returns 0, or -1.
terra H.lstat(path : rawstring, out : &int64) : int
  var st : C.image_stat_t
  if C.lstat(path, &st) ~= 0 then return -1 end
  var dev : uint64 = st.st_rdev
  out[0] = st.st_mode
  out[1] = st.st_size
  -- glibc's dev_t encoding (gnu_dev_major/minor are inline functions)
  out[2] = ((dev >> 8) and 0xfff) or ((dev >> 32) and not [uint64](0xfff))
  out[3] = (dev and 0xff) or ((dev >> 12) and not [uint64](0xff))
  return 0
end

-- readlink copies the target of the symlink at path into buf; it returns
-- the length or -1.
terra H.readlink(path : rawstring, buf : &int8, n : int64) : int64
  return C.readlink(path, buf, n)
end

-- listdir returns the names in directory path (without "." and ".."),
-- each followed by a NUL, in a malloc'd buffer; nil when it cannot be read.
terra H.listdir(path : rawstring, n : &int64) : &int8
  var d = C.opendir(path)
  if d == nil then return nil end
  var cap : int64 = 4096
  var len : int64 = 0
  var buf = [&int8](C.malloc(cap))
  while true do
    var e = C.readdir(d)
    if e == nil then break end
    var name = &e.d_name[0]
    if C.strcmp(name, ".") ~= 0 and C.strcmp(name, "..") ~= 0 then
      var l = C.strlen(name) + 1
      while len + l > cap do
        cap = cap * 2
        buf = [&int8](C.realloc(buf, cap))
      end
      C.memcpy(buf + len, name, l)
      len = len + l
    end
  end
  C.closedir(d)
  @n = len
  return buf
end

-- Buf is a growing byte buffer.
struct Buf { p : &int8; len : int64; cap : int64 }
terra Buf:put(s : &int8, n : int64)
  while self.len + n > self.cap do
    self.cap = self.cap * 2
    self.p = [&int8](C.realloc(self.p, self.cap))
  end
  C.memcpy(self.p + self.len, s, n)
  self.len = self.len + n
end
terra Buf:str(s : &int8) self:put(s, C.strlen(s) + 1) end

local PATHMAX = 8192

-- walk lists everything below the host directory root without following
-- symlinks, parents before their contents, as records
--   "K MODE SIZE MAJOR MINOR PARENT DEV.INO\0RELPATH\0TARGET\0"
-- with K one of f d l c b p s (file, dir, link, char, block, fifo,
-- socket), MODE the permission bits, TARGET a symlink's target (else
-- empty) and PARENT the number of the parent's record (counting from 1;
-- 0 for root's children); DEV.INO is 0.0 unless a regular file has more
-- than one name. A directory that cannot be read gives a record
-- of kind E. The
-- malloc'd buffer is returned in out (free it with H.free).
terra H.walk(root : rawstring, out : &&int8, outlen : &int64) : int
  var b = Buf{ [&int8](C.malloc(65536)), 0, 65536 }
  var qcap : int64 = 1024
  var q = [&int64](C.malloc(qcap * sizeof(int64)))  -- name offsets of directories to read
  var qn = [&int64](C.malloc(qcap * sizeof(int64))) -- and their record numbers
  var qh : int64, qt : int64 = 0, 1
  q[0], qn[0] = -1, 0 -- the root itself
  var nrec : int64 = 0
  var full : int8[PATHMAX]
  var child : int8[PATHMAX]
  var hdr : int8[128]
  var target : int8[PATHMAX]
  var st : C.image_stat_t
  while qh < qt do
    -- a copy: the buffer moves when it grows
    var rel : int8[PATHMAX]
    rel[0] = 0
    if q[qh] >= 0 then C.snprintf(rel, PATHMAX, "%s", b.p + q[qh]) end
    var par = qn[qh]
    qh = qh + 1
    if rel[0] == 0 then C.snprintf(full, PATHMAX, "%s", root)
    else C.snprintf(full, PATHMAX, "%s/%s", root, rel) end
    var d = C.opendir(full)
    if d == nil then
      nrec = nrec + 1
      C.snprintf(hdr, 128, "E 0 0 0 0 %lld 0.0", par)
      b:str(hdr) b:str(rel) b:str("")
    else
      while true do
        var e = C.readdir(d)
        if e == nil then break end
        var name = &e.d_name[0]
        if C.strcmp(name, ".") ~= 0 and C.strcmp(name, "..") ~= 0 then
          if rel[0] == 0 then C.snprintf(child, PATHMAX, "%s", name)
          else C.snprintf(child, PATHMAX, "%s/%s", rel, name) end
          C.snprintf(full, PATHMAX, "%s/%s", root, child)
          if C.lstat(full, &st) == 0 then
            var fmt = st.st_mode and 0xF000
            var k : int8 = 115 -- s
            if fmt == 0x8000 then k = 102 elseif fmt == 0x4000 then k = 100
            elseif fmt == 0xA000 then k = 108 elseif fmt == 0x2000 then k = 99
            elseif fmt == 0x6000 then k = 98 elseif fmt == 0x1000 then k = 112 end
            var dev : uint64 = st.st_rdev
            var major = ((dev >> 8) and 0xfff) or ((dev >> 32) and not [uint64](0xfff))
            var minor = (dev and 0xff) or ((dev >> 12) and not [uint64](0xff))
            nrec = nrec + 1
            -- a file with other names gets "device.inode" as its link id
            var dv : uint64, ino : uint64 = 0, 0
            if k == 102 and st.st_nlink > 1 then dv, ino = st.st_dev, st.st_ino end
            C.snprintf(hdr, 128, "%c %u %lld %llu %llu %lld %llu.%llu", k, [uint32](st.st_mode and 0xFFF),
              [int64](st.st_size), major, minor, par, dv, ino)
            b:str(hdr)
            var off = b.len
            b:str(child)
            target[0] = 0
            if k == 108 then
              var n = C.readlink(full, target, PATHMAX - 1)
              if n < 0 then n = 0 end
              target[n] = 0
            end
            b:str(target)
            if k == 100 then
              if qt == qcap then
                qcap = qcap * 2
                q = [&int64](C.realloc(q, qcap * sizeof(int64)))
                qn = [&int64](C.realloc(qn, qcap * sizeof(int64)))
              end
              q[qt], qn[qt] = off, nrec
              qt = qt + 1
            end
          end
        end
      end
      C.closedir(d)
    end
  end
  C.free(q) C.free(qn)
  @out, @outlen = b.p, b.len
  return 0
end

---------------------------------------------------------------------------
-- Lua side

local nbuf = terralib.new(int64[1])

-- slurp returns the bytes of a host file, or nil and a reason.
function H.slurp(path, nofollow)
  local p = H.readfile(path, nofollow and true or false, nbuf)
  if p == nil then return nil, "cannot read " .. path end
  local s = ffi.string(p, nbuf[0])
  H.free(p)
  return s
end

local KIND = { [0x8000] = "file", [0x4000] = "dir", [0xA000] = "symlink", [0x2000] = "char",
  [0x6000] = "block", [0x1000] = "fifo", [0xC000] = "socket" }

local stbuf = terralib.new(int64[4])

-- stat describes path without following a final symlink: kind, permission
-- bits, size, major, minor. nil when it does not exist.
function H.stat(path)
  if H.lstat(path, stbuf) ~= 0 then return nil end
  local mode = tonumber(stbuf[0])
  return { kind = KIND[mode - mode % 4096] or "unknown", mode = mode % 4096, size = tonumber(stbuf[1]),
    major = tonumber(stbuf[2]), minor = tonumber(stbuf[3]) }
end

local lbuf = terralib.new(int8[4097])

-- link returns the target of the symlink at path, as stored.
function H.link(path)
  local n = tonumber(H.readlink(path, lbuf, 4096))
  if n < 0 then return nil end
  return ffi.string(lbuf, n)
end

-- list returns the sorted names in a host directory, or nil.
function H.list(path)
  local p = H.listdir(path, nbuf)
  if p == nil then return nil end
  local s = ffi.string(p, nbuf[0])
  H.free(p)
  local names = {}
  for name in s:gmatch("([^%z]+)%z") do names[#names + 1] = name end
  table.sort(names)
  return names
end

local wbuf = terralib.new((&int8)[1])

-- walkrecords returns the records of walk as one string.
function H.walkrecords(root)
  H.walk(root, wbuf, nbuf)
  local s = ffi.string(wbuf[0], nbuf[0])
  H.free(wbuf[0])
  return s
end

-- RECORD matches one record: kind, mode, size, major, minor, parent,
-- link id ("0.0" unless a file has several names), relative path, target.
H.RECORD = "(%a) (%d+) (%d+) (%d+) (%d+) (%d+) ([%d.]+)%z([^%z]*)%z([^%z]*)%z"

return H
