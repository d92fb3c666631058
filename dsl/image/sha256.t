-- image.sha256: SHA-256 (FIPS 180-4) in Terra, for the step store's keys
-- and content addresses. Our own code rather than libcrypto, so that a
-- builder compiled by `terrac build` links nothing beyond libc.
--
--   var h : H.State; h:init(); h:update(p, n); h:final(&digest[0])
--   H.file(path, &digest[0])      -- 0, or -1 (errno set) if unreadable
--   H.hex(&digest[0], buf)        -- 64 hex digits and a NUL
local H = {}
local ffi = require "ffi"

local C = terralib.includecstring [[
#include <fcntl.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
]]

local K = constant(uint32[64], {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
})

struct H.State { h : uint32[8]; buf : uint8[64]; nbuf : uint32; len : uint64 }

local rotr = macro(function(x, n) return `(x >> n) or (x << (32 - n)) end)

-- block mixes one 64-byte block into h.
local terra block(h : &uint32, p : &uint8)
  var w : uint32[64]
  for i = 0, 16 do
    w[i] = ([uint32](p[4 * i]) << 24) or ([uint32](p[4 * i + 1]) << 16) or
           ([uint32](p[4 * i + 2]) << 8) or [uint32](p[4 * i + 3])
  end
  for i = 16, 64 do
    var a, b = w[i - 15], w[i - 2]
    var s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >> 3)
    var s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >> 10)
    w[i] = w[i - 16] + s0 + w[i - 7] + s1
  end
  var a, b, c, d, e, f, g, hh = h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]
  for i = 0, 64 do
    var t1 = hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e and f) ^ ((not e) and g)) + K[i] + w[i]
    var t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a and b) ^ (a and c) ^ (b and c))
    hh, g, f, e, d, c, b, a = g, f, e, d + t1, c, b, a, t1 + t2
  end
  h[0], h[1], h[2], h[3] = h[0] + a, h[1] + b, h[2] + c, h[3] + d
  h[4], h[5], h[6], h[7] = h[4] + e, h[5] + f, h[6] + g, h[7] + hh
end

terra H.State:init()
  self.h[0], self.h[1], self.h[2], self.h[3] = 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a
  self.h[4], self.h[5], self.h[6], self.h[7] = 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
  self.nbuf, self.len = 0, 0
end

terra H.State:update(p : &uint8, n : uint64)
  self.len = self.len + n
  if self.nbuf > 0 then
    while n > 0 and self.nbuf < 64 do
      self.buf[self.nbuf] = @p
      self.nbuf, p, n = self.nbuf + 1, p + 1, n - 1
    end
    if self.nbuf < 64 then return end
    block(&self.h[0], &self.buf[0])
    self.nbuf = 0
  end
  while n >= 64 do
    block(&self.h[0], p)
    p, n = p + 64, n - 64
  end
  for i = 0, n do self.buf[i] = p[i] end
  self.nbuf = n
end

-- final pads (0x80, zeros, the bit length big-endian) and writes 32 bytes.
terra H.State:final(out : &uint8)
  var bits = self.len * 8
  var pad : uint8[72]
  for i = 0, 72 do pad[i] = 0 end
  pad[0] = 0x80
  var npad : uint64 = 64 - (self.nbuf + 8) % 64
  if npad == 0 then npad = 64 end
  self:update(&pad[0], npad)
  for i = 0, 8 do pad[i] = bits >> (56 - 8 * i) end
  self:update(&pad[0], 8)
  for i = 0, 8 do
    var v = self.h[i]
    out[4 * i], out[4 * i + 1], out[4 * i + 2], out[4 * i + 3] = v >> 24, v >> 16, v >> 8, v
  end
end

terra H.bytes(p : &uint8, n : uint64, out : &uint8)
  var s : H.State
  s:init()
  s:update(p, n)
  s:final(out)
end

-- file hashes a file's contents; it returns -1 (errno set) if it cannot
-- read it.
terra H.file(path : rawstring, out : &uint8) : int
  var fd = C.open(path, 0x80000, 0) -- O_RDONLY | O_CLOEXEC
  if fd < 0 then return -1 end
  var bufsize = 1 << 20
  var buf = [&uint8](C.malloc(bufsize))
  var s : H.State
  s:init()
  var rc = 0
  while true do
    var r = C.read(fd, buf, bufsize)
    if r == 0 then break end
    if r < 0 then
      if @C.__errno_location() ~= 4 then rc = -1 break end -- not EINTR
    else
      s:update(buf, r)
    end
  end
  C.free(buf)
  C.close(fd)
  if rc == 0 then s:final(out) end
  return rc
end

terra H.hex(d : &uint8, out : rawstring)
  var digits = "0123456789abcdef"
  for i = 0, 32 do
    out[2 * i], out[2 * i + 1] = digits[d[i] >> 4], digits[d[i] and 15]
  end
  out[64] = 0
end

-- unhex reads 64 hex digits into 32 bytes; false if s is not such a string.
terra H.unhex(s : rawstring, out : &uint8) : bool
  for i = 0, 64 do
    var c = s[i]
    var v : int
    if c >= 48 and c <= 57 then v = c - 48
    elseif c >= 97 and c <= 102 then v = c - 87
    else return false end
    if i % 2 == 0 then out[i / 2] = v << 4 else out[i / 2] = out[i / 2] or v end
  end
  return true
end

-- Lua side: the hex digest of a string or of a file.
local hexs = terra(p : rawstring, n : uint64, buf : rawstring)
  var d : uint8[32]
  H.bytes([&uint8](p), n, &d[0])
  H.hex(&d[0], buf)
end
local hexf = terra(path : rawstring, buf : rawstring) : int
  var d : uint8[32]
  if H.file(path, &d[0]) ~= 0 then return -1 end
  H.hex(&d[0], buf)
  return 0
end
function H.sha256(s)
  local buf = terralib.new(int8[65])
  hexs(s, #s, buf)
  return ffi.string(terralib.cast(&int8, buf), 64)
end
function H.sha256file(path)
  local buf = terralib.new(int8[65])
  if hexf(path, buf) ~= 0 then return nil end
  return ffi.string(terralib.cast(&int8, buf), 64)
end

return H
