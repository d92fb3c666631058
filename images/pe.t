-- pe.t: a PE/COFF writer for unified kernel images. It takes an EFI stub
-- (systemd's linuxx64.efi.stub) and appends sections (.osrel, .cmdline,
-- .linux, .initrd ...) after its last one, as `objcopy --add-section
-- --change-section-vma` or ukify do:
--
--   local uki = require_pe.uki{ stub = "/usr/lib/systemd/boot/efi/linuxx64.efi.stub",
--     sections = { { name = ".osrel", data = "ID=x\n" }, { name = ".linux", host = "vmlinuz" } } }
--   uki.writer("BOOTX64.EFI")   -- terra(path : rawstring) : int
--
-- The stub and host files are read when the writer runs (in a compiled
-- builder too). Each new section starts at the next SectionAlignment
-- boundary in memory and FileAlignment boundary in the file, is
-- initialized read-only data, and the headers get the new section count,
-- SizeOfImage, SizeOfInitializedData and the PE checksum. The image is not
-- signed.
local C = terralib.includecstring [[
#include <fcntl.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
]]

local P = {}
local O_RDONLY, O_WRONLY, O_CREAT, O_TRUNC, O_CLOEXEC = 0, 1, 0x40, 0x200, 0x80000

struct P.Sec { name : int8[8]; data : rawstring; len : int64; host : rawstring }

local terra u16(b : &uint8, o : int64) : uint32 return [uint32](b[o]) or ([uint32](b[o + 1]) << 8) end
local terra u32(b : &uint8, o : int64) : uint32 return u16(b, o) or (u16(b, o + 2) << 16) end
local terra put16(b : &uint8, o : int64, v : uint32) b[o] = v and 0xff; b[o + 1] = (v >> 8) and 0xff end
local terra put32(b : &uint8, o : int64, v : uint32) put16(b, o, v and 0xffff); put16(b, o + 2, v >> 16) end
local terra alignup(v : int64, a : int64) : int64 return (v + a - 1) / a * a end

-- readall reads a whole file into a new buffer; n gets its size.
local terra readall(path : rawstring, n : &int64) : &uint8
  var fd = C.open(path, O_RDONLY or O_CLOEXEC)
  if fd < 0 then C.fprintf(C.stderr, "pe: cannot open %s\n", path) return nil end
  var size = C.lseek(fd, 0, 2)
  var buf = [&uint8](C.malloc(size + 1))
  var off : int64 = 0
  while off < size do
    var k = C.pread(fd, buf + off, size - off, off)
    if k <= 0 then C.fprintf(C.stderr, "pe: cannot read %s\n", path) C.close(fd) C.free(buf) return nil end
    off = off + k
  end
  C.close(fd)
  @n = size
  return buf
end

-- checksum is the PE image checksum: the 16-bit one's-complement sum of
-- the file (its CheckSum field counted as zero) plus the file's length.
terra P.checksum(b : &uint8, n : int64, at : int64) : uint32
  var sum : uint64 = 0
  var i : int64 = 0
  while i < n do
    var w : uint64 = b[i]
    if i + 1 < n then w = w or ([uint64](b[i + 1]) << 8) end
    if i == at or i == at + 2 then w = 0 end
    sum = sum + w
    sum = (sum and 0xffff) + (sum >> 16)
    i = i + 2
  end
  sum = (sum and 0xffff) + (sum >> 16)
  return [uint32](sum + n)
end

-- build writes the stub plus secs[0..n) to path; 0 on success.
terra P.build(stubpath : rawstring, secs : &P.Sec, n : int, path : rawstring) : int
  var slen : int64
  var stub = readall(stubpath, &slen)
  if stub == nil then return -1 end
  if slen < 0x40 or stub[0] ~= 77 or stub[1] ~= 90 then C.fprintf(C.stderr, "pe: %s: not an MZ image\n", stubpath) return -1 end
  var pe : int64 = u32(stub, 0x3c)
  if pe + 24 > slen or u32(stub, pe) ~= 0x4550 then C.fprintf(C.stderr, "pe: %s: no PE header\n", stubpath) return -1 end
  var nsec = u16(stub, pe + 6)
  var optsz = u16(stub, pe + 20)
  var opt = pe + 24
  if u16(stub, opt) ~= 0x20b then C.fprintf(C.stderr, "pe: %s: not PE32+\n", stubpath) return -1 end
  var salign : int64 = u32(stub, opt + 32)
  var falign : int64 = u32(stub, opt + 36)
  var hdrsize : int64 = u32(stub, opt + 60)
  var tab = opt + optsz
  if tab + 40 * (nsec + n) > hdrsize then
    C.fprintf(C.stderr, "pe: %s: no room for %d more section headers\n", stubpath, n) return -1
  end
  -- The new sections go after the last one in memory and after the whole
  -- stub file (which may carry data past its sections).
  var vnext : int64 = 0
  for i = 0, nsec do
    var s = tab + 40 * i
    var e = [int64](u32(stub, s + 12)) + u32(stub, s + 8)
    if e > vnext then vnext = e end
  end
  vnext = alignup(vnext, salign)
  var fnext = alignup(slen, falign)
  var total = fnext
  var datas = [&&uint8](C.calloc(n, sizeof([&uint8])))
  var lens = [&int64](C.calloc(n, sizeof(int64)))
  for k = 0, n do
    if secs[k].host ~= nil then
      datas[k] = readall(secs[k].host, &lens[k])
      if datas[k] == nil then return -1 end
    else
      datas[k], lens[k] = [&uint8](secs[k].data), secs[k].len
    end
    total = total + alignup(lens[k], falign)
  end
  var out = [&uint8](C.calloc(total, 1))
  C.memcpy(out, stub, slen)
  var init : int64 = u32(stub, opt + 8)
  for k = 0, n do
    var s = tab + 40 * (nsec + k)
    C.memset(out + s, 0, 40)
    C.memcpy(out + s, &secs[k].name[0], 8)
    put32(out, s + 8, lens[k])            -- VirtualSize
    put32(out, s + 12, vnext)             -- VirtualAddress
    put32(out, s + 16, alignup(lens[k], falign)) -- SizeOfRawData
    put32(out, s + 20, fnext)             -- PointerToRawData
    put32(out, s + 36, 0x40000040)        -- initialized data, readable
    C.memcpy(out + fnext, datas[k], lens[k])
    init = init + alignup(lens[k], falign)
    vnext = alignup(vnext + lens[k], salign)
    fnext = fnext + alignup(lens[k], falign)
  end
  put16(out, pe + 6, nsec + n)
  put32(out, opt + 8, init)               -- SizeOfInitializedData
  put32(out, opt + 56, vnext)             -- SizeOfImage
  put32(out, opt + 64, P.checksum(out, total, opt + 64))
  var fd = C.open(path, O_WRONLY or O_CREAT or O_TRUNC or O_CLOEXEC, 420)
  var ok = fd >= 0
  var off : int64 = 0
  while ok and off < total do
    var w = C.write(fd, out + off, total - off)
    if w <= 0 then ok = false else off = off + w end
  end
  if fd >= 0 then C.close(fd) end
  if not ok then C.fprintf(C.stderr, "pe: cannot write %s\n", path) end
  for k = 0, n do if secs[k].host ~= nil then C.free(datas[k]) end end
  C.free(datas) C.free(lens) C.free(out) C.free(stub)
  if ok then return 0 end
  return -1
end

-- P.uki{ stub = PATH, sections = { { name = ".x", data = S | host = PATH }, ... } }
-- returns { writer = terra(path) : int, write = function(self, path) }.
function P.uki(spec)
  local stub = assert(spec.stub, "pe.uki: stub expected")
  local secs = {}
  for i, s in ipairs(spec.sections) do
    assert(type(s.name) == "string" and #s.name <= 8, "pe.uki: a section name of at most 8 bytes expected")
    local name = {}
    for k = 1, 8 do name[k] = s.name:byte(k) or 0 end
    secs[i] = { name = name, data = s.data, len = s.data and #s.data or 0, host = s.host }
  end
  local n = #secs
  local u = {}
  u.writer = terra(path : rawstring) : int
    var ss : P.Sec[n]
    escape
      for i, s in ipairs(secs) do
        local k = i - 1
        emit quote
          ss[k].name = arrayof(int8, [s.name])
          ss[k].data = [s.data or `nil]
          ss[k].len = [s.len]
          ss[k].host = [s.host or `nil]
        end
      end
    end
    return P.build(stub, &ss[0], n, path)
  end
  function u:write(path)
    if self.writer(path) ~= 0 then error("pe.uki: cannot write " .. path, 2) end
    return self
  end
  return u
end

return P
