-- image.read and image.extract: archives back into a tree or a directory.
--
--   local t, skipped = image.read("rootfs.tar.xz")   -- tar, cpio newc, gzip, xz, .deb
--   image.extract("initrd.img", "out/")              -- into a directory
--   image.extract{ archive = "x.deb", dir = "out" }.writer   -- terra() : int, for builders
--
-- The format is found from magic bytes, layer by layer: gzip and xz are
-- decoded, an `ar` archive (a .deb) is opened at its data.tar.* member,
-- and a cpio whose TRAILER!!! is followed by more data (a microcode
-- segment before a compressed root) goes on with what follows. The whole
-- archive is decoded in memory.
--
-- Nothing lands outside the tree or the target directory: members named
-- with "..", absolute names and hard links to such names are skipped with
-- a warning, and so is a member below a symlink or another non-directory.
-- Extraction opens every parent with O_NOFOLLOW from the target's file
-- descriptor (openat), so a symlink written by an earlier member is never
-- followed. Device nodes need root; without it they are skipped with a
-- warning. Owners are set only when running as root.
local U = require "image.util"
local T = require "image.tree"
local S = require "image.compress"
local ffi = require "ffi"

local C = terralib.includecstring [[
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <string.h>
#include <stdlib.h>
#include <errno.h>
enum { K_O_DIRECTORY = O_DIRECTORY, K_O_NOFOLLOW = O_NOFOLLOW, K_AT_NOFOLLOW = AT_SYMLINK_NOFOLLOW,
  K_O_WRONLY = O_WRONLY, K_O_RDONLY = O_RDONLY, K_O_CREAT = O_CREAT, K_O_EXCL = O_EXCL,
  K_O_TRUNC = O_TRUNC, K_O_CLOEXEC = O_CLOEXEC, K_AT_REMOVEDIR = AT_REMOVEDIR };
]]

local R = {}
R.FILE, R.DIR, R.SYMLINK, R.HARDLINK, R.CHAR, R.BLOCK, R.FIFO = 1, 2, 3, 4, 5, 6, 7
local KINDNAME = { "file", "dir", "symlink", "hardlink", "char", "block", "fifo" }
local TAR, CPIO = 1, 2

-- One member, normalized. name and target point into the reader.
-- unsafe: 1 absolute name, 2 ".." in the name, 3 the same for a hard
-- link's target.
struct R.Ent {
  kind : int; unsafe : int
  mode : uint32; uid : uint32; gid : uint32; major : uint32; minor : uint32
  mtime : int64
  name : &uint8; namelen : int64
  target : &uint8; targetlen : int64
  data : &uint8; size : int64
}

struct R.Reader {
  p : &uint8; n : int64; pos : int64; fmt : int
  bufs : S.Buf[8]; nbufs : int   -- decoded layers, freed at the end
  name : S.Buf; target : S.Buf   -- the current member's names
  pax : S.Buf; paxlink : S.Buf    -- pending pax/GNU long names
  haspax : bool; haslink : bool
  paxuid : int64; paxgid : int64; paxmtime : int64; paxsize : int64
  links : S.Buf                   -- cpio: (ino, name) of linked files
  err : rawstring
}

local terra has(p : &uint8, n : int64, s : rawstring, k : int64) : bool
  return n >= k and C.memcmp(p, s, k) == 0
end

-- dec reads a decimal number from at most n bytes at p (leading spaces
-- skipped, stopping at the first other byte), never past p + n: archive
-- bytes are not NUL-terminated.
local terra dec(p : &uint8, n : int64) : int64
  var i : int64 = 0
  while i < n and p[i] == 32 do i = i + 1 end
  var v : int64 = 0
  var any = false
  while i < n and p[i] >= 48 and p[i] <= 57 and v < 0x0CCCCCCCCCCCCCCC do
    v = v * 10 + (p[i] - 48)
    any = true
    i = i + 1
  end
  return terralib.select(any, v, -1)
end

-- layer decodes the current bytes until they are a tar or a cpio.
terra R.Reader:layer() : bool
  while true do
    var p, n = self.p, self.n
    if has(p, n, "\x1f\x8b", 2) or has(p, n, "\xfd7zXZ\x00", 6) then
      if self.nbufs == 8 then self.err = "too many nested layers" return false end
      var b = &self.bufs[self.nbufs]
      self.nbufs = self.nbufs + 1
      b.p, b.n, b.cap = nil, 0, 0
      var ok : bool
      if p[0] == 0x1f then ok = S.gunzip(p, n, b) else ok = S.unxz(p, n, b) end
      if not ok then self.err = "corrupt or truncated compressed data" return false end
      self.p, self.n = b.p, b.n
    elseif has(p, n, "!<arch>\n", 8) then
      -- ar: 60-byte member headers, data padded to 2 bytes
      var off : int64 = 8
      var found = false
      while off + 60 <= n do
        var h = p + off
        var size = dec(h + 48, 10)
        if size < 0 or off + 60 + size > n then break end
        if has(h, 16, "data.tar", 8) then
          self.p, self.n = h + 60, size
          found = true
          break
        end
        off = off + 60 + size + (size and 1)
      end
      if not found then self.err = "an ar archive without a data.tar member" return false end
    elseif has(p, n, "070701", 6) or has(p, n, "070702", 6) then
      self.fmt = CPIO
      return true
    elseif n >= 512 and has(p + 257, 5, "ustar", 5) then
      self.fmt = TAR
      return true
    elseif has(p, n, "\x28\xb5\x2f\xfd", 4) then
      self.err = "zstd-compressed data is not supported (only gzip and xz)"
      return false
    elseif has(p, n, "BZh", 3) then
      self.err = "bzip2-compressed data is not supported (only gzip and xz)"
      return false
    else
      self.err = "not a tar, cpio (newc), gzip, xz or ar archive"
      return false
    end
  end
end

-- open reads path and finds the first layer. False with err set on failure.
terra R.Reader:open(path : rawstring) : bool
  C.memset(self, 0, sizeof(R.Reader))
  var fd = U.openr(path)
  if fd < 0 then self.err = "cannot open" return false end
  var b = &self.bufs[0]
  self.nbufs = 1
  while true do
    b:grow(1 << 20)
    var r = C.read(fd, b.p + b.n, b.cap - b.n)
    if r < 0 and @C.__errno_location() == 4 then goto again end
    if r < 0 then C.close(fd) self.err = "cannot read" return false end
    if r == 0 then break end
    b.n = b.n + r
    ::again::
  end
  C.close(fd)
  self.p, self.n = b.p, b.n
  return self:layer()
end

terra R.Reader:close()
  for i = 0, self.nbufs do C.free(self.bufs[i].p) end
  C.free(self.name.p) C.free(self.target.p) C.free(self.pax.p) C.free(self.paxlink.p) C.free(self.links.p)
end

local terra append(b : &S.Buf, p : &uint8, n : int64)
  b:grow(n + 1)
  C.memcpy(b.p + b.n, p, n)
  b.n = b.n + n
  b.p[b.n] = 0
end

-- clean copies the path p[0..n) into b as "a/b/c": "." and empty
-- components dropped. It returns 1 for an absolute path, 2 when a
-- component is "..", else 0.
local terra clean(b : &S.Buf, p : &uint8, n : int64) : int
  b.n = 0
  append(b, p, 0)
  var bad = 0
  if n > 0 and p[0] == 47 then bad = 1 end
  var i : int64 = 0
  while i < n do
    var j = i
    while j < n and p[j] ~= 47 and p[j] ~= 0 do j = j + 1 end
    var k = j - i
    if k == 2 and p[i] == 46 and p[i + 1] == 46 then bad = 2 end
    if k > 0 and not (k == 1 and p[i] == 46) then
      if b.n > 0 then append(b, [&uint8]("/"), 1) end
      append(b, p + i, k)
    end
    if j < n and p[j] == 0 then break end
    i = j + 1
  end
  return bad
end

-- num reads a tar number field: octal, or base-256 when the top bit is set.
local terra num(p : &uint8, w : int) : int64
  if (p[0] and 0x80) ~= 0 then
    var v : int64 = p[0] and 0x3f
    for i = 1, w do v = (v << 8) or p[i] end
    return v
  end
  var v : int64 = 0
  for i = 0, w do
    var c = p[i]
    if c >= 48 and c <= 55 then v = v * 8 + (c - 48)
    elseif c == 0 or (c == 32 and v > 0) then break end
  end
  return v
end

local terra hex(p : &uint8) : uint32
  var v : uint32 = 0
  for i = 0, 8 do
    var c = p[i]
    var d : uint32
    if c >= 48 and c <= 57 then d = c - 48
    elseif c >= 65 and c <= 70 then d = c - 55
    elseif c >= 97 and c <= 102 then d = c - 87
    else d = 0 end
    v = v * 16 + d
  end
  return v
end

-- paxparse takes the records of a pax header the reader cares about.
terra R.Reader:paxparse(p : &uint8, n : int64)
  var i : int64 = 0
  while i < n do
    var len = dec(p + i, n - i)
    if len <= 0 or i + len > n then return end
    var rec = p + i
    var sp = [&uint8](C.memchr(rec, 32, len))
    if sp ~= nil then
      var key = sp + 1
      var eq = [&uint8](C.memchr(key, 61, rec + len - key))
      if eq ~= nil then
        var klen = eq - key
        var val = eq + 1
        var vlen = rec + len - 1 - val
        if klen == 4 and C.memcmp(key, "path", 4) == 0 then
          self.pax.n = 0 append(&self.pax, val, vlen) self.haspax = true
        elseif klen == 8 and C.memcmp(key, "linkpath", 8) == 0 then
          self.paxlink.n = 0 append(&self.paxlink, val, vlen) self.haslink = true
        elseif klen == 3 and C.memcmp(key, "uid", 3) == 0 then self.paxuid = dec(val, vlen)
        elseif klen == 3 and C.memcmp(key, "gid", 3) == 0 then self.paxgid = dec(val, vlen)
        elseif klen == 5 and C.memcmp(key, "mtime", 5) == 0 then self.paxmtime = dec(val, vlen)
        elseif klen == 4 and C.memcmp(key, "size", 4) == 0 then self.paxsize = dec(val, vlen)
        end
      end
    end
    i = i + len
  end
end

local terra round(v : int64, a : int64) : int64 return (v + a - 1) / a * a end

-- nexttar reads the next tar member: 1, 0 at the end, -1 on an error.
terra R.Reader:nexttar(e : &R.Ent) : int
  while true do
    -- the end-of-archive zero blocks may be missing, but not half a header
    if self.pos + 512 > self.n then
      if self.pos < self.n then self.err = "truncated tar header" return -1 end
      return 0
    end
    var h = self.p + self.pos
    if U.iszero(h, 512) then return 0 end
    var sum : int64 = 0
    for k = 0, 512 do
      if k >= 148 and k < 156 then sum = sum + 32 else sum = sum + h[k] end
    end
    if sum ~= num(h + 148, 8) then self.err = "bad tar header checksum" return -1 end
    var size = num(h + 124, 12)
    if self.paxsize >= 0 then size = self.paxsize end
    var data = h + 512
    if size < 0 or self.pos + 512 + size > self.n then self.err = "truncated tar member" return -1 end
    self.pos = self.pos + 512 + round(size, 512)
    var t = h[156]
    if t == 120 then -- 'x' pax
      self:paxparse(data, size)
    elseif t == 103 then -- 'g' global pax: nothing the reader uses
    elseif t == 76 then -- 'L' GNU long name
      self.pax.n = 0 append(&self.pax, data, size) self.haspax = true
      self.pax.n = C.strlen([rawstring](self.pax.p))
    elseif t == 75 then -- 'K' GNU long link
      self.paxlink.n = 0 append(&self.paxlink, data, size) self.haslink = true
      self.paxlink.n = C.strlen([rawstring](self.paxlink.p))
    else
      var kind = 0
      if t == 48 or t == 0 or t == 55 then kind = R.FILE
      elseif t == 49 then kind = R.HARDLINK elseif t == 50 then kind = R.SYMLINK
      elseif t == 51 then kind = R.CHAR elseif t == 52 then kind = R.BLOCK
      elseif t == 53 then kind = R.DIR elseif t == 54 then kind = R.FIFO end
      e.kind = kind
      e.mode = num(h + 100, 8) and 4095
      e.uid = terralib.select(self.paxuid >= 0, self.paxuid, num(h + 108, 8))
      e.gid = terralib.select(self.paxgid >= 0, self.paxgid, num(h + 116, 8))
      e.mtime = terralib.select(self.paxmtime >= 0, self.paxmtime, num(h + 136, 12))
      e.major, e.minor = num(h + 329, 8), num(h + 337, 8)
      var full : uint8[260]
      var raw : &uint8
      var rawn : int64
      if self.haspax then
        raw, rawn = self.pax.p, self.pax.n
      else
        var nl = C.strnlen([rawstring](h), 100)
        var pl : int64 = 0
        if has(h + 257, 6, "ustar\0", 6) then pl = C.strnlen([rawstring](h + 345), 155) end
        rawn = 0
        if pl > 0 then
          C.memcpy(&full[0], h + 345, pl)
          full[pl] = 47
          rawn = pl + 1
        end
        C.memcpy(&full[rawn], h, nl)
        rawn = rawn + nl
        raw = &full[0]
      end
      e.unsafe = clean(&self.name, raw, rawn)
      var link : &uint8 = h + 157
      var linkn : int64 = C.strnlen([rawstring](h + 157), 100)
      if self.haslink then link, linkn = self.paxlink.p, self.paxlink.n end
      if kind == R.HARDLINK then
        if clean(&self.target, link, linkn) ~= 0 and e.unsafe == 0 then e.unsafe = 3 end
      else
        self.target.n = 0
        append(&self.target, link, linkn)
      end
      e.name, e.namelen = self.name.p, self.name.n
      e.target, e.targetlen = self.target.p, self.target.n
      e.data, e.size = data, terralib.select(kind == R.FILE, size, 0)
      self.haspax, self.haslink = false, false
      self.paxuid, self.paxgid, self.paxmtime, self.paxsize = -1, -1, -1, -1
      if kind ~= 0 then return 1 end
    end
  end
end

-- nextcpio reads the next newc member. After TRAILER!!! it skips zero
-- padding and goes on with whatever follows (another cpio, or a
-- compressed one).
terra R.Reader:nextcpio(e : &R.Ent) : int
  while true do
    if self.pos + 110 > self.n then self.err = "truncated cpio archive (no TRAILER!!!)" return -1 end
    var h = self.p + self.pos
    if not (has(h, 6, "070701", 6) or has(h, 6, "070702", 6)) then self.err = "bad cpio header" return -1 end
    var ino, mode, uid, gid = hex(h + 6), hex(h + 14), hex(h + 22), hex(h + 30)
    var nlink, mtime, size = hex(h + 38), hex(h + 46), hex(h + 54)
    var rmaj, rmin, namesize = hex(h + 78), hex(h + 86), hex(h + 94)
    var name = h + 110
    var dataoff = round(self.pos + 110 + namesize, 4)
    if namesize == 0 or dataoff + size > self.n then self.err = "truncated cpio member" return -1 end
    var data = self.p + dataoff
    self.pos = round(dataoff + size, 4)
    if namesize == 11 and C.memcmp(name, "TRAILER!!!", 11) == 0 then
      self.links.n = 0
      while self.pos < self.n and self.p[self.pos] == 0 do self.pos = self.pos + 1 end
      if self.pos >= self.n then return 0 end
      self.p, self.n, self.pos = self.p + self.pos, self.n - self.pos, 0
      if not self:layer() then return -1 end
      if self.fmt == TAR then return self:nexttar(e) end
    else
      var fmt = mode and 0xF000
      var kind = 0
      if fmt == 0x8000 then kind = R.FILE elseif fmt == 0x4000 then kind = R.DIR
      elseif fmt == 0xA000 then kind = R.SYMLINK elseif fmt == 0x2000 then kind = R.CHAR
      elseif fmt == 0x6000 then kind = R.BLOCK elseif fmt == 0x1000 then kind = R.FIFO end
      e.kind, e.mode, e.uid, e.gid, e.mtime = kind, mode and 4095, uid, gid, mtime
      e.major, e.minor = rmaj, rmin
      e.unsafe = clean(&self.name, name, namesize - 1)
      e.name, e.namelen = self.name.p, self.name.n
      e.data, e.size = data, 0
      self.target.n = 0
      append(&self.target, data, 0)
      if kind == R.SYMLINK then
        append(&self.target, data, size)
      elseif kind == R.FILE then
        e.size = size
        if nlink > 1 and e.unsafe == 0 then
          -- a hard-link group: the first name is the file, later ones link to it
          var l = self.links.p
          var found = false
          var off : int64 = 0
          while off < self.links.n do
            var lino = @[&uint32](l + off)
            var llen = @[&uint32](l + off + 4)
            if lino == ino then
              append(&self.target, l + off + 8, llen)
              found = true
              break
            end
            off = off + 8 + llen
          end
          if found then
            e.kind = R.HARDLINK
          else
            var rec : uint32[2]
            rec[0], rec[1] = ino, self.name.n
            append(&self.links, [&uint8](&rec[0]), 8)
            append(&self.links, self.name.p, self.name.n)
          end
        end
      end
      e.target, e.targetlen = self.target.p, self.target.n
      if kind ~= 0 and e.namelen > 0 then return 1 end
      if kind ~= 0 and e.unsafe ~= 0 then return 1 end
    end
  end
end

terra R.Reader:next(e : &R.Ent) : int
  if self.fmt == TAR then return self:nexttar(e) end
  return self:nextcpio(e)
end

terra R.new(path : rawstring) : &R.Reader
  var r = [&R.Reader](C.malloc(sizeof(R.Reader)))
  r:open(path)
  r.paxuid, r.paxgid, r.paxmtime, r.paxsize = -1, -1, -1, -1
  return r
end
terra R.free(r : &R.Reader) r:close() C.free(r) end
terra R.step(r : &R.Reader, e : &R.Ent) : int return r:next(e) end
terra R.errof(r : &R.Reader) : rawstring return r.err end
terra R.failed(r : &R.Reader) : bool return r.err ~= nil end

---------------------------------------------------------------------------
-- Extraction into a directory

local terra warn(what : rawstring, name : &uint8, why : rawstring)
  U.C.fprintf(U.C.stderr, "image: %s: skipping %s: %s\n", what, name, why)
end

-- walk opens the directory dir (n bytes, "a/b") below root without
-- following symlinks, creating missing directories when create is set.
-- Returns a file descriptor (root itself, dup'ed, for n == 0) or -1.
local terra walk(root : int, dir : &uint8, n : int64, create : bool) : int
  var fd = C.dup(root)
  var comp : int8[256]
  var i : int64 = 0
  while i < n and fd >= 0 do
    var j = i
    while j < n and dir[j] ~= 47 do j = j + 1 end
    if j - i > 255 then C.close(fd) return -1 end
    C.memcpy(&comp[0], dir + i, j - i)
    comp[j - i] = 0
    var flags = C.K_O_RDONLY or C.K_O_DIRECTORY or C.K_O_NOFOLLOW or C.K_O_CLOEXEC
    var next = C.openat(fd, &comp[0], flags)
    if next < 0 and @C.__errno_location() == 2 and create then -- ENOENT
      C.mkdirat(fd, &comp[0], 448) -- 0700 until its own member or the end
      next = C.openat(fd, &comp[0], flags)
    end
    C.close(fd)
    fd = next
    i = j + 1
  end
  return fd
end

local terra makedev(ma : uint32, mi : uint32) : uint64
  var a, b : uint64 = ma, mi
  return ((a and 0xfff) << 8) or (b and 0xff) or ((b and not [uint64](0xff)) << 12) or ((a and not [uint64](0xfff)) << 32)
end

local terra settimefd(fd : int, mtime : int64)
  var ts : C.timespec[2]
  ts[0].tv_sec, ts[0].tv_nsec = mtime, 0
  ts[1].tv_sec, ts[1].tv_nsec = mtime, 0
  C.futimens(fd, &ts[0])
end

local terra settime(fd : int, leaf : rawstring, mtime : int64)
  var ts : C.timespec[2]
  ts[0].tv_sec, ts[0].tv_nsec = mtime, 0
  ts[1].tv_sec, ts[1].tv_nsec = mtime, 0
  C.utimensat(fd, leaf, &ts[0], C.K_AT_NOFOLLOW)
end

-- place creates the member e as leaf in the directory pfd. False when a
-- file cannot be written; members skipped for safety or for want of root
-- only warn.
local terra place(archive : rawstring, root : int, pfd : int, leaf : rawstring, e : &R.Ent, isroot : bool,
                  dirs : &S.Buf) : bool
  var name = [rawstring](e.name)
  if e.kind == R.DIR then
    if C.mkdirat(pfd, leaf, 448) ~= 0 then
      var fd = C.openat(pfd, leaf, C.K_O_RDONLY or C.K_O_DIRECTORY or C.K_O_NOFOLLOW or C.K_O_CLOEXEC)
      if fd < 0 then
        C.unlinkat(pfd, leaf, 0)
        if C.mkdirat(pfd, leaf, 448) ~= 0 then warn(archive, e.name, "cannot create the directory") return true end
      else C.close(fd) end
    end
    var rec : int64[3]
    rec[0], rec[1], rec[2] = e.mode, e.mtime, e.namelen
    append(dirs, [&uint8](&rec[0]), 24)
    append(dirs, e.name, e.namelen)
    if isroot then C.fchownat(pfd, leaf, e.uid, e.gid, C.K_AT_NOFOLLOW) end
    return true
  end
  C.unlinkat(pfd, leaf, 0)
  if e.kind == R.FILE then
    var fd = C.openat(pfd, leaf, C.K_O_WRONLY or C.K_O_CREAT or C.K_O_EXCL or C.K_O_NOFOLLOW or C.K_O_CLOEXEC, 384)
    if fd < 0 then U.report("cannot create", name) return false end
    var ok = S.writeall(fd, e.data, e.size)
    if isroot then C.fchown(fd, e.uid, e.gid) end
    C.fchmod(fd, e.mode)
    settimefd(fd, e.mtime)
    if C.close(fd) ~= 0 or not ok then U.report("cannot write", name) return false end
    return true
  elseif e.kind == R.SYMLINK then
    if C.symlinkat([rawstring](e.target), pfd, leaf) ~= 0 then U.report("cannot create symlink", name) return false end
  elseif e.kind == R.HARDLINK then
    var t = [rawstring](e.target)
    var ts = C.strrchr(t, 47)
    var tleaf = terralib.select(ts == nil, t, ts + 1)
    var tfd = walk(root, e.target, terralib.select(ts == nil, 0, ts - t), false)
    if tfd < 0 or C.linkat(tfd, tleaf, pfd, leaf, 0) ~= 0 then
      warn(archive, e.name, "cannot link to its target")
      if tfd >= 0 then C.close(tfd) end
      return true
    end
    C.close(tfd)
    if e.size > 0 then -- newc: the data comes with the last name
      var fd = C.openat(pfd, leaf, C.K_O_WRONLY or C.K_O_TRUNC or C.K_O_NOFOLLOW or C.K_O_CLOEXEC)
      var ok = fd >= 0 and S.writeall(fd, e.data, e.size)
      if fd >= 0 then C.close(fd) end
      if not ok then U.report("cannot write", name) return false end
    end
    return true -- the link shares its target's owner, mode and time
  else
    var fmt : uint32 = 0x1000
    if e.kind == R.CHAR then fmt = 0x2000 elseif e.kind == R.BLOCK then fmt = 0x6000 end
    if C.mknodat(pfd, leaf, fmt or e.mode, makedev(e.major, e.minor)) ~= 0 then
      warn(archive, e.name, "cannot create the node (device nodes need root)")
      return true
    end
  end
  if isroot then C.fchownat(pfd, leaf, e.uid, e.gid, C.K_AT_NOFOLLOW) end
  if e.kind ~= R.SYMLINK then C.fchmodat(pfd, leaf, e.mode, 0) end
  settime(pfd, leaf, e.mtime)
  return true
end

-- R.extract writes the members of archive into dir (created if missing).
-- Returns 0, or -1 when the archive cannot be read or a file cannot be
-- written; members skipped for safety or for want of root only warn.
terra R.extract(archive : rawstring, dir : rawstring) : int
  var r : R.Reader
  if not r:open(archive) then
    U.C.fprintf(U.C.stderr, "image: %s: %s\n", archive, r.err)
    r:close()
    return -1
  end
  r.paxuid, r.paxgid, r.paxmtime, r.paxsize = -1, -1, -1, -1
  defer r:close()
  C.mkdir(dir, 493)
  var root = C.open(dir, C.K_O_RDONLY or C.K_O_DIRECTORY or C.K_O_CLOEXEC)
  if root < 0 then U.report("cannot open", dir) return -1 end
  defer C.close(root)
  var isroot = C.geteuid() == 0
  var dirs : S.Buf -- (mode, mtime, len, name) of each directory, applied last
  dirs.p, dirs.n, dirs.cap = nil, 0, 0
  defer C.free(dirs.p)
  var e : R.Ent
  var rc = 0
  while true do
    var st = r:next(&e)
    if st < 0 then U.C.fprintf(U.C.stderr, "image: %s: %s\n", archive, r.err) rc = -1 break end
    if st == 0 then break end
    var name = [rawstring](e.name)
    if e.unsafe == 1 then warn(archive, e.name, "absolute path") goto continue end
    if e.unsafe == 2 then warn(archive, e.name, "'..' in the path") goto continue end
    if e.unsafe == 3 then warn(archive, e.name, "hard link target outside the tree") goto continue end
    if e.namelen == 0 then goto continue end
    do
      var slash = C.strrchr(name, 47)
      var leaf = terralib.select(slash == nil, name, slash + 1)
      var dn : int64 = terralib.select(slash == nil, 0, slash - name)
      var pfd = walk(root, e.name, dn, true)
      if pfd < 0 then warn(archive, e.name, "a parent is a symlink or not a directory") goto continue end
      if not place(archive, root, pfd, leaf, &e, isroot, &dirs) then rc = -1 end
      C.close(pfd)
    end
    ::continue::
  end
  -- directories last, deepest first, so that their times and read-only
  -- modes do not get in the way of their contents
  var recs : S.Buf
  recs.p, recs.n, recs.cap = nil, 0, 0
  var off : int64 = 0
  while off < dirs.n do
    append(&recs, [&uint8](&off), 8)
    off = off + 24 + ([&int64](dirs.p + off))[2]
  end
  var k = recs.n / 8 - 1
  while k >= 0 do
    var o = ([&int64](recs.p))[k]
    var rec = [&int64](dirs.p + o)
    var nm = dirs.p + o + 24
    var fd = walk(root, nm, rec[2], false)
    if fd >= 0 then
      C.fchmod(fd, rec[0])
      settimefd(fd, rec[1])
      C.close(fd)
    end
    k = k - 1
  end
  C.free(recs.p)
  return rc
end

---------------------------------------------------------------------------
-- Lua side

local function warnf(fmt, ...)
  io.stderr:write("image: " .. string.format(fmt, ...) .. "\n")
end

-- read turns an archive into a tree. It returns the tree and a list of
-- {path =, why =} for the members it skipped.
function R.read(path, opts)
  if type(path) ~= "string" then U.fail(1, "image.read: read(path) expected") end
  local r = R.new(path)
  if R.failed(r) then
    local msg = ffi.string(R.errof(r))
    R.free(r)
    U.fail(1, "image.read: %s: %s", path, msg)
  end
  local t = T.tree()
  local skipped = {}
  local e = terralib.new(R.Ent)
  local function skip(name, why)
    skipped[#skipped + 1] = { path = name, why = why }
    if not (opts and opts.quiet) then warnf("%s: skipping %s: %s", path, name, why) end
  end
  while true do
    local st = R.step(r, e)
    if st < 0 then
      local msg = ffi.string(R.errof(r))
      R.free(r)
      U.fail(1, "image.read: %s: %s", path, msg)
    end
    if st == 0 then break end
    local name = ffi.string(e.name, e.namelen)
    local kind = KINDNAME[e.kind]
    if e.unsafe == 1 then skip(name, "absolute path")
    elseif e.unsafe == 2 then skip(name, "'..' in the path")
    elseif e.unsafe == 3 then skip(name, "hard link target outside the tree")
    elseif name ~= "" then
      -- a member below a symlink (or any non-directory) would escape
      local bad
      local dir = name:match("^(.*)/[^/]*$")
      while dir do
        local d = t:get(dir)
        if d and d.kind ~= "dir" then bad = dir break end
        dir = dir:match("^(.*)/[^/]*$")
      end
      if bad then
        skip(name, bad .. " is a " .. t:get(bad).kind .. ", not a directory")
      else
        local o = { mode = tonumber(e.mode), uid = tonumber(e.uid), gid = tonumber(e.gid), mtime = tonumber(e.mtime) }
        local target = ffi.string(e.target, e.targetlen)
        if kind == "file" then o.data = ffi.string(e.data, e.size)
        elseif kind == "symlink" then o.target = target
        elseif kind == "char" or kind == "block" then o.major, o.minor = tonumber(e.major), tonumber(e.minor) end
        if kind == "hardlink" then
          local to = t:get(target)
          if not to or to.kind ~= "file" or target == name then
            skip(name, "hard link to " .. target .. ", which is not a file in the archive")
            kind = nil
          else
            if e.size > 0 then to.data, to.size = ffi.string(e.data, e.size), tonumber(e.size) end
            o = { target = target, mode = to.mode, uid = to.uid, gid = to.gid, mtime = to.mtime }
          end
        end
        if kind then
          local old = t:get(name)
          if old and old.kind == "dir" and kind ~= "dir" then t:remove(name) end
          t:add(kind, name, o, 2)
        end
      end
    end
  end
  R.free(r)
  return t, skipped
end

-- extract writes an archive into a directory now, or, given a table,
-- returns an object with a writer for compiled builders.
function R.extract_(a, dir)
  local spec = a
  if type(a) == "string" then spec = { archive = a, dir = dir } end
  if type(spec) ~= "table" or type(spec.archive) ~= "string" or type(spec.dir) ~= "string" then
    U.fail(1, "image.extract(archive, dir) or image.extract{archive = ..., dir = ...} expected")
  end
  local archive, target = spec.archive, spec.dir
  local x = { archive = archive, dir = target }
  x.writer = terra() : int return R.extract(archive, target) end
  function x:write()
    U.run(self.writer, 1, "image.extract " .. archive)
    return self
  end
  if type(a) == "string" then
    U.run(x.writer, 1, "image.extract " .. archive)
  end
  return x
end

return { read = R.read, extract = R.extract_, R = R }
