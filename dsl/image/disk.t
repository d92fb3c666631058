-- image.disk: raw disk images. image.sparse creates an image file whose
-- bytes are all holes, image.place copies a filesystem image into a
-- partition's byte range, and image.patch splices a boot sector's code over
-- an image while keeping the BPB the formatter wrote.
--
-- Each operation runs at once in the Lua stage, through a Terra function
-- that a builder compiled with `terrac build` can call too:
--   image.disk.create(path, size) : int        0 on success
--   image.disk.placefile(src, dst, off, len) : int
--   image.disk.patchfile(dst, off, code, n, keepfrom, keepto) : int
local U = require "image.util"
local C = U.C
local D = {}

terra D.create(path : rawstring, size : int64) : int
  var fd = U.openw(path, size)
  if fd < 0 then return -1 end
  C.close(fd)
  return 0
end

-- placefile clears dst's range [off, off+len) and copies src to its start.
terra D.placefile(src : rawstring, dst : rawstring, off : int64, len : int64) : int
  var s = U.openr(src)
  if s < 0 then return -1 end
  var n = U.filesize(s)
  if n > len then
    C.fprintf(C.stderr, "image: %s (%lld bytes) does not fit in %lld bytes\n", src, n, len)
    C.close(s) return -1
  end
  var d = U.openw(dst, -1)
  if d < 0 then C.close(s) return -1 end
  var ok = U.clear(d, off, len) and U.copy(s, 0, d, off, n)
  if not ok then U.report("cannot write", dst) end
  C.close(s) C.close(d)
  if ok then return 0 end
  return -1
end

-- patchfile writes code[0:n] at off in dst except code[keepfrom:keepto],
-- where the bytes already in dst stay.
terra D.patchfile(dst : rawstring, off : int64, code : rawstring, n : int64,
                  keepfrom : int64, keepto : int64) : int
  var d = U.openw(dst, -1)
  if d < 0 then return -1 end
  var ok = U.pwriteall(d, [&uint8](code), keepfrom, off) and
           U.pwriteall(d, [&uint8](code) + keepto, n - keepto, off + keepto)
  if not ok then U.report("cannot write", dst) end
  C.close(d)
  if ok then return 0 end
  return -1
end

-- image.sparse(path, size): an image of size bytes (a number or "64M")
-- holding no data blocks. Replaces `truncate -s SIZE path` or
-- `dd if=/dev/zero of=path bs=1 count=0 seek=SIZE`.
function D.sparse(path, size)
  if type(path) ~= "string" then U.fail(1, "image.sparse: path expected") end
  local n = U.size(size, "image.sparse", 1)
  U.run(D.create, 1, "image.sparse " .. path, path, n)
end

-- image.align(sector [, n]): the first multiple of n sectors (default
-- 2048, 1 MiB) at or after sector; partitions without start are aligned so.
function D.align(sector, n)
  n = n or 2048
  if type(sector) ~= "number" or type(n) ~= "number" or n < 1 then
    U.fail(1, "image.align(sector [, n]): numbers expected")
  end
  return math.ceil(sector / n) * n
end

local function filesize(path, level)
  local f = io.open(path, "rb")
  if not f then U.fail(level + 1, "cannot open %s", path) end
  local n = f:seek("end")
  f:close()
  return n
end

-- image.place(fsimage, partition [, disk]): copy the file fsimage into the
-- partition's byte range of the disk image (the partition of a layout from
-- image.mbr or image.gpt; disk defaults to the path that layout was last
-- written to). Zero blocks stay holes. Replaces
-- `dd if=fs.img of=disk.img bs=512 seek=START conv=notrunc,sparse`.
function D.place(src, part, disk)
  if type(src) ~= "string" then U.fail(1, "image.place: file name of a filesystem image expected") end
  if type(part) ~= "table" or not part.offset or not part.bytes then
    U.fail(1, "image.place: a partition of an image.mbr or image.gpt layout expected")
  end
  disk = disk or (part.layout and part.layout.path)
  if not disk then U.fail(1, "image.place: the disk image was not written yet (pass its path)") end
  local n = filesize(src, 1)
  if n > part.bytes then
    U.fail(1, "image.place: %s (%d bytes) does not fit in partition %s (%d bytes)",
      src, n, part.label or tostring(part.index), part.bytes)
  end
  U.run(D.placefile, 1, "image.place " .. src, src, disk, part.offset, part.bytes)
end

-- image.patch(image, code [, opts]): splice boot code over the sector at
-- opts.offset (default 0) of image, keeping bytes opts.keep = {from, to}
-- (default {3, 90}: the FAT32 BPB and extended BPB, from the OEM name to the
-- file system type). code is a string of bytes or {file = path}. When the
-- sector holds a FAT32 BPB, its backup boot sector gets the same code
-- (opts.backup = false turns that off).
-- Replaces the pair `dd if=boot.bin of=fs.img bs=1 count=3 conv=notrunc` and
-- `dd if=boot.bin of=fs.img bs=1 skip=90 seek=90 count=422 conv=notrunc`.
function D.patch(path, code, opts)
  opts = opts or {}
  if type(path) ~= "string" then U.fail(1, "image.patch: image path expected") end
  if type(code) == "table" and code.file then
    local f = io.open(code.file, "rb")
    if not f then U.fail(1, "image.patch: cannot open %s", code.file) end
    code = f:read("*a")
    f:close()
  end
  if type(code) ~= "string" then U.fail(1, "image.patch: code must be a string or {file = path}") end
  local keep = opts.keep or { 3, 90 }
  local from, to = keep[1], keep[2]
  if type(from) ~= "number" or type(to) ~= "number" or from < 0 or to < from or to > #code then
    U.fail(1, "image.patch: keep range {%s, %s} is not inside the %d bytes of code",
      tostring(from), tostring(to), #code)
  end
  local off = U.size(opts.offset or 0, "image.patch offset", 1)
  local f = io.open(path, "rb")
  if not f then U.fail(1, "image.patch: cannot open %s", path) end
  f:seek("set", off)
  local sec = f:read(512) or ""
  f:close()
  U.run(D.patchfile, 1, "image.patch " .. path, path, off, code, #code, from, to)
  -- a FAT32 boot sector names its backup copy (BPB_BkBootSec): patch it too
  if opts.backup ~= false and #sec == 512 and sec:sub(83, 90) == "FAT32   " then
    local bk = sec:byte(51) + 256 * sec:byte(52)
    if bk > 0 and bk < 32 then
      U.run(D.patchfile, 1, "image.patch " .. path, path, off + bk * 512, code, #code, from, to)
    end
  end
end

return D
