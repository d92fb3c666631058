-- provision.t: the provisioning program that images/rescue.t puts in its
-- initramfs, a standalone program that rescue.t compiles for the guest:
--
--   PROVISION_CONFIG='{ disk = { size = "256M", partitions = {...} }, fs = 2 }' \
--     terrac build images/provision.t --cpu x86-64-v2 -o provision
--   provision /dev/vdb
--
-- Its Lua stage reads the layout from PROVISION_CONFIG, a Lua table
-- constructor (rescue.t writes it from its configuration table):
--   disk    the second disk's GPT, as given to image.gpt{...}
--   fs      the partition number that gets ext4; label its label ("data")
--   marker  what /marker holds; mke2fs the path of mke2fs in the guest
-- The program writes that GPT to the disk with the image library's own
-- writer, has the kernel re-read the table (BLKRRPART), makes ext4 on
-- partition fs with mke2fs, mounts it and writes marker as /marker. Each
-- step prints one line on stdout (the console).
local image = require "image"
local X = require "image.exec"

local C = terralib.includecstring [[
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <time.h>
typedef struct stat stat_t;
]]

local BLKRRPART, BLKGETSIZE64 = 0x125F, 0x80081272
local O_RDONLY, O_RDWR, O_CLOEXEC = 0, 2, 0x80000

-- copyrange copies n bytes at off from fd src to fd dst.
local terra copyrange(src : int, dst : int, off : int64, n : int64) : bool
  var buf : uint8[65536]
  while n > 0 do
    var k = n
    if k > 65536 then k = 65536 end
    if C.pread(src, &buf[0], k, off) ~= k then return false end
    if C.pwrite(dst, &buf[0], k, off) ~= k then return false end
    off, n = off + k, n - k
  end
  return true
end

local terra fail(what : rawstring, arg : rawstring) : int
  C.perror(what)
  C.printf("provision: FAILED: %s %s\n", what, arg)
  C.fflush(C.stdout)
  return 1
end

-- The configuration: a table constructor, read as data (no globals).
local text = os.getenv("PROVISION_CONFIG")
if not text or text == "" then
  error("provision.t: set PROVISION_CONFIG to the layout, a Lua table such as " ..
    "'{ disk = { size = \"256M\", partitions = { { name = \"data\", type = \"linux\" } } }, fs = 1 }'", 0)
end
local chunk, err = loadstring("return " .. text, "=PROVISION_CONFIG")
if not chunk then error("provision.t: PROVISION_CONFIG: " .. err, 0) end
setfenv(chunk, {})
local ok, spec = pcall(chunk)
if not ok or type(spec) ~= "table" then error("provision.t: PROVISION_CONFIG is not a table: " .. tostring(spec), 0) end
if type(spec.disk) ~= "table" then error("provision.t: PROVISION_CONFIG: disk (an image.gpt layout) expected", 0) end
if type(spec.fs) ~= "number" or not spec.disk.partitions or not spec.disk.partitions[spec.fs] then
  error("provision.t: PROVISION_CONFIG: fs must name one of the disk's partitions", 0)
end

local d = image.gpt(spec.disk)
local fs = spec.fs
local marker = spec.marker or "provisioned\n"
local label = spec.label or "data"
local mke2fs = spec.mke2fs or "/sbin/mke2fs"
local size, sectors, first, last = d.size, d.sectors, d.first, d.last
local scratch = spec.scratch or "/tmp/gpt.img"

terra main(argc : int, argv : &rawstring) : int
  if argc ~= 2 then C.printf("usage: provision DISK\n") return 2 end
  var dev = argv[1]
  C.setvbuf(C.stdout, nil, C._IOLBF, 0)
  -- 1. The GPT, written by the library into a sparse scratch image (the
  -- writer sizes its file, which a block device refuses), then its two
  -- ends copied onto the disk.
  if d.writer(scratch) ~= 0 then return fail("gpt", scratch) end
  var s = C.open(scratch, O_RDONLY or O_CLOEXEC)
  var fd = C.open(dev, O_RDWR or O_CLOEXEC)
  if s < 0 or fd < 0 then return fail("open", dev) end
  var devsize : uint64 = 0
  if C.ioctl(fd, BLKGETSIZE64, &devsize) ~= 0 then devsize = C.lseek(fd, 0, 2) end
  if devsize ~= size then
    C.printf("provision: FAILED: %s holds %llu bytes, the layout %llu\n", dev, devsize, [uint64](size))
    return 1
  end
  if not copyrange(s, fd, 0, [first * 512]) or not copyrange(s, fd, [(last + 1) * 512], [(sectors - last - 1) * 512]) then
    return fail("write", dev)
  end
  C.close(s)
  C.unlink(scratch)
  C.fsync(fd)
  C.printf("provision: wrote the GPT of %s (%d partitions)\n", dev, [#d.partitions])
  -- 2. The kernel reads the new table and makes the partition nodes.
  if C.ioctl(fd, BLKRRPART, 0) ~= 0 then return fail("BLKRRPART", dev) end
  C.close(fd)
  var part : int8[256]
  var sep = ""
  var n = C.strlen(dev)
  if n > 0 and dev[n - 1] >= 48 and dev[n - 1] <= 57 then sep = "p" end -- nvme0n1p2
  C.snprintf(&part[0], 256, "%s%s%d", dev, sep, fs)
  var st : C.stat_t
  var tries = 0
  while C.stat(&part[0], &st) ~= 0 do
    tries = tries + 1
    if tries > 100 then return fail("no partition node", &part[0]) end
    var ts = C.timespec { 0, 50000000 }
    C.nanosleep(&ts, nil)
  end
  -- 3. ext4 by the host's mke2fs (copied in with its libraries).
  var args : int8[512]
  var p = &args[0]
  escape
    local argv = { mke2fs, "-q", "-F", "-t", "ext4", "-L", label }
    for _, a in ipairs(argv) do
      emit quote C.strcpy(p, a) p = p + [#a + 1] end
    end
  end
  C.strcpy(p, &part[0]) p = p + C.strlen(&part[0]) + 1
  var st2 = X.run(&args[0], 8, nil, 0, nil, nil, 120000)
  if st2 ~= 0 then C.printf("provision: FAILED: mke2fs exited with %d\n", st2) return 1 end
  C.printf("provision: made ext4 on %s\n", &part[0])
  -- 4. The marker file, through the kernel's ext4.
  C.mkdir("/mnt", 493)
  if C.mount(&part[0], "/mnt", "ext4", 0, nil) ~= 0 then return fail("mount", &part[0]) end
  var m = C.open("/mnt/marker", 0x41 or 0x200 or O_CLOEXEC, 420) -- O_WRONLY|O_CREAT|O_TRUNC
  if m < 0 or C.write(m, marker, [#marker]) ~= [#marker] or C.fsync(m) ~= 0 then return fail("write", "/mnt/marker") end
  C.close(m)
  if C.umount("/mnt") ~= 0 then return fail("umount", "/mnt") end
  C.sync()
  C.printf("provision: done\n")
  return 0
end
