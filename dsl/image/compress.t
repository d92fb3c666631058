-- image.compress: gzip through zlib and xz through liblzma, for the archive
-- writers and readers. The Terra side is a Sink: bytes go in through put
-- and leave, compressed or not, through write(2) on one file descriptor,
-- so several segments (an uncompressed cpio then a gzip one) can follow
-- one another in a file. Decoding inflates a whole buffer in memory.
--
--   image.compress{ input = "vmlinux", format = "gzip", level = 9 }:write("vmlinux.gz")
--   -- format: "gzip" (default level 6) or "xz" (default preset 6)
local U = require "image.util"
local C = U.C

-- The JIT resolves the libraries' functions by these sonames, and
-- `terrac build` records them as DT_NEEDED (no -dev package is needed to
-- run the builder).
terralib.linklibrary("libz.so.1")
terralib.linklibrary("liblzma.so.5")
local Z = terralib.includec("zlib.h")
local X = terralib.includec("lzma.h")

local G = require "image.pgzip"
local S = {}
S.NONE, S.GZIP, S.XZ = 0, 1, 2
S.FORMATS = { none = S.NONE, gzip = S.GZIP, xz = S.XZ }

local Z_NO_FLUSH, Z_FINISH, Z_OK, Z_STREAM_END, Z_BUF_ERROR = 0, 4, 0, 1, -5
local LZMA_RUN, LZMA_FINISH, LZMA_OK, LZMA_STREAM_END = 0, 3, 0, 1
local LZMA_CHECK_CRC64, LZMA_CONCATENATED = 4, 0x08
local BUF = 262144

S.writeall = G.writeall

struct S.Sink {
  fd : int; mode : int; ok : bool
  count : int64          -- bytes put in the current segment (uncompressed)
  ibuf : &uint8; ilen : int64
  obuf : &uint8
  g : G.Pgz              -- gzip, in chunks on worker threads
  x : X.lzma_stream
}

terra S.Sink:init(fd : int)
  C.memset(self, 0, sizeof(S.Sink))
  self.fd, self.ok = fd, true
  self.ibuf = [&uint8](C.malloc(BUF))
  self.obuf = [&uint8](C.malloc(BUF))
end

terra S.Sink:release()
  C.free(self.ibuf)
  C.free(self.obuf)
end

-- begin starts a segment in mode (S.NONE, S.GZIP, S.XZ) at level.
terra S.Sink:begin(mode : int, level : int) : bool
  self.mode, self.count, self.ilen = mode, 0, 0
  if mode == S.GZIP then
    self.ok = self.g:start(self.fd, level)
  elseif mode == S.XZ then
    C.memset(&self.x, 0, sizeof(X.lzma_stream))
    if X.lzma_easy_encoder(&self.x, level, LZMA_CHECK_CRC64) ~= LZMA_OK then
      C.fprintf(C.stderr, "image: lzma_easy_encoder failed\n")
      self.ok = false
    end
  end
  return self.ok
end

-- feed passes n bytes to the compressor (or the file); finish ends the
-- stream.
terra S.Sink:feed(p : &uint8, n : int64, finish : bool)
  if not self.ok then return end
  if self.mode == S.NONE then
    self.ok = S.writeall(self.fd, p, n)
  elseif self.mode == S.GZIP then
    self.g:write(p, n)
    self.ok = self.g.ok
  else
    self.x.next_in, self.x.avail_in = p, n
    var action = terralib.select(finish, LZMA_FINISH, LZMA_RUN)
    while true do
      self.x.next_out, self.x.avail_out = self.obuf, BUF
      var r = X.lzma_code(&self.x, action)
      if r ~= LZMA_OK and r ~= LZMA_STREAM_END then self.ok = false return end
      var m = BUF - self.x.avail_out
      if m > 0 and not S.writeall(self.fd, self.obuf, m) then self.ok = false return end
      if finish then
        if r == LZMA_STREAM_END then break end
      elseif self.x.avail_in == 0 and self.x.avail_out ~= 0 then break end
    end
  end
end

terra S.Sink:put(p : &uint8, n : int64)
  self.count = self.count + n
  if self.ilen > 0 and (self.ilen + n > BUF or n > BUF / 2) then
    self:feed(self.ibuf, self.ilen, false)
    self.ilen = 0
  end
  if n > BUF / 2 then
    self:feed(p, n, false)
  else
    C.memcpy(self.ibuf + self.ilen, p, n)
    self.ilen = self.ilen + n
  end
end

local zeros = global(uint8[512])
-- pad puts zero bytes up to the next multiple of align.
terra S.Sink:pad(align : int64)
  var r = self.count % align
  if r == 0 then return end
  var n = align - r
  while n > 0 do
    var k : int64 = 512
    if n < k then k = n end
    self:put(zeros, k)
    n = n - k
  end
end

-- finish ends the segment: the last input and the compressor's trailer.
terra S.Sink:finish() : bool
  self:feed(self.ibuf, self.ilen, self.mode ~= S.NONE)
  self.ilen = 0
  if self.mode == S.GZIP then self.ok = self.g:finish() and self.ok
  elseif self.mode == S.XZ then X.lzma_end(&self.x) end
  self.mode = S.NONE
  return self.ok
end

-- copyhost puts size bytes of the host file path, read in chunks; the file
-- must still have exactly that size.
terra S.Sink:copyhost(path : rawstring, size : uint64) : bool
  var fd = U.openr(path)
  if fd < 0 then self.ok = false return false end
  var buf = [&uint8](C.malloc(BUF))
  var left = size
  while left > 0 do
    var want : int64 = BUF
    if left < want then want = left end
    var r = C.read(fd, buf, want)
    if r < 0 and @C.__errno_location() == 4 then goto again end
    if r <= 0 then
      C.fprintf(C.stderr, "image: %s is shorter than when the archive was described\n", path)
      self.ok = false
      break
    end
    self:put(buf, r)
    left = left - r
    ::again::
  end
  if self.ok and C.read(fd, buf, 1) ~= 0 then
    C.fprintf(C.stderr, "image: %s is longer than when the archive was described\n", path)
    self.ok = false
  end
  C.free(buf)
  C.close(fd)
  return self.ok
end

---------------------------------------------------------------------------
-- Decoding

-- Buf is a malloc'ed byte buffer.
struct S.Buf { p : &uint8; n : int64; cap : int64 }
terra S.Buf:grow(need : int64)
  if self.n + need <= self.cap then return end
  var c = self.cap * 2
  if c < self.n + need then c = self.n + need end
  if c < 65536 then c = 65536 end
  self.p = [&uint8](C.realloc(self.p, c))
  self.cap = c
end

-- gunzip inflates the gzip members in p[0..n) (concatenated, as gzip
-- -d reads them) into out. False on corrupt or truncated data.
terra S.gunzip(p : &uint8, n : int64, out : &S.Buf) : bool
  var z : Z.z_stream
  C.memset(&z, 0, sizeof(Z.z_stream))
  if Z.inflateInit2_(&z, 15 + 16, Z.zlibVersion(), sizeof(Z.z_stream)) ~= Z_OK then return false end
  z.next_in, z.avail_in = p, n
  var ok = true
  while true do
    out:grow(BUF)
    z.next_out, z.avail_out = out.p + out.n, out.cap - out.n
    var before = z.avail_out
    var r = Z.inflate(&z, Z_NO_FLUSH)
    out.n = out.n + (before - z.avail_out)
    if r == Z_STREAM_END then
      -- another member may follow; zero padding after the last is allowed
      while z.avail_in > 0 and @z.next_in == 0 do z.next_in, z.avail_in = z.next_in + 1, z.avail_in - 1 end
      if z.avail_in == 0 then break end
      Z.inflateReset(&z)
    elseif r ~= Z_OK and not (r == Z_BUF_ERROR and z.avail_in > 0) then
      ok = false
      break
    end
  end
  Z.inflateEnd(&z)
  return ok
end

-- unxz decodes the xz streams in p[0..n) into out.
terra S.unxz(p : &uint8, n : int64, out : &S.Buf) : bool
  var x : X.lzma_stream
  C.memset(&x, 0, sizeof(X.lzma_stream))
  if X.lzma_stream_decoder(&x, not [uint64](0), LZMA_CONCATENATED) ~= LZMA_OK then return false end
  x.next_in, x.avail_in = p, n
  var ok = true
  while true do
    out:grow(BUF)
    x.next_out, x.avail_out = out.p + out.n, out.cap - out.n
    var before = x.avail_out
    var r = X.lzma_code(&x, terralib.select(x.avail_in == 0, LZMA_FINISH, LZMA_RUN))
    out.n = out.n + (before - x.avail_out)
    if r == LZMA_STREAM_END then break end
    if r ~= LZMA_OK then ok = false break end
  end
  X.lzma_end(&x)
  return ok
end

---------------------------------------------------------------------------
-- Lua side: compress one host file.

function S.compress(spec)
  if type(spec) ~= "table" or type(spec.input) ~= "string" then
    U.fail(1, "image.compress: {input = \"path\", format = \"gzip\" | \"xz\", level = N} expected")
  end
  local fmt = spec.format or "gzip"
  local mode = S.FORMATS[fmt]
  if not mode or mode == S.NONE then U.fail(1, "image.compress: format must be \"gzip\" or \"xz\", got %s", tostring(fmt)) end
  local level = S.checklevel(spec.level, mode, "image.compress", 2)
  local size = tonumber(U.pathsize(spec.input))
  if size < 0 then U.fail(1, "image.compress: cannot open %s", spec.input) end
  local input = spec.input
  local c = { format = fmt, level = level, input = input }
  c.writer = terra(path : rawstring) : int
    var fd = U.openw(path, 0)
    if fd < 0 then return -1 end
    var s : S.Sink
    s:init(fd)
    var ok = s:begin(mode, level) and s:copyhost(input, size) and s:finish()
    s:release()
    if C.close(fd) ~= 0 then ok = false end
    if not ok then U.report("cannot write", path) return -1 end
    return 0
  end
  function c:write(path)
    if type(path) ~= "string" then U.fail(1, "image.compress: write(path) expected") end
    U.run(self.writer, 1, "image.compress write " .. path, path)
    return self
  end
  return c
end

-- checklevel validates a compression level (gzip 0-9, xz presets 0-9).
function S.checklevel(level, mode, what, lvl)
  if level == nil then return 6 end
  if type(level) ~= "number" or level ~= math.floor(level) or level < 0 or level > 9 then
    U.fail(lvl + 1, "%s: level must be 0..9, got %s", what, tostring(level))
  end
  return level
end

return S
