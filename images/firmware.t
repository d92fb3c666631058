-- firmware.t: a unified kernel image (UKI) and two disks that boot it
-- straight from UEFI firmware, with no boot loader.
--
--   terrac images/firmware.t -o out/                   # build now
--   terrac build images/firmware.t -o firmware-builder # or compile a builder,
--   ./firmware-builder -o out/                         # which writes the same bytes
--
-- out/uki.efi is systemd's linuxx64.efi.stub with .osrel, .cmdline, .linux
-- and .initrd sections added by images/pe.t (our own PE/COFF writer). It
-- is NOT signed: boot it with Secure Boot off.
-- out/firmware.img: a GPT disk whose only partition, a FAT32 ESP, holds
-- it as \EFI\BOOT\BOOTX64.EFI.
-- out/rescue-partition.img: the same ESP as partition 1, followed by
-- root and data partitions; overwriting partitions 2..N leaves it bootable.
--
-- KERNEL_DIR names an unpacked kernel package, as in images/rescue.t.
local image = require "image"
local here = (arg and arg[0] or ""):match("^(.*)/[^/]*$") or "."
local PE = terralib.loadfile(here .. "/pe.t")()

-- Configuration -------------------------------------------------------------
local config = {
  kernel_dir = os.getenv("KERNEL_DIR") or
    ((os.getenv("XDG_CACHE_HOME") or ((os.getenv("HOME") or "/tmp") .. "/.cache")) .. "/terrac-test-kernel"),
  busybox = "/bin/busybox",
  stub = "/usr/lib/systemd/boot/efi/linuxx64.efi.stub",
  seed = "terrac-firmware",
  marker = "TERRAC-FIRMWARE: up",
  cmdline = image.cmdline("console=ttyS0,115200", { panic = 5, loglevel = 4, ["terrac.fw"] = "uki" }),
  osrel = 'ID=terrac\nNAME="terrac firmware"\nPRETTY_NAME="terrac firmware (UKI)"\nVERSION_ID=1\n',
}

local out
if arg and arg[1] then
  if arg[1] ~= "-o" or not arg[2] or arg[3] then error("usage: terrac firmware.t -o OUTDIR", 0) end
  out = arg[2]
end

local C = terralib.includecstring [[
#include <sys/stat.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
typedef struct stat stat_t;
]]

local vf = io.open(config.kernel_dir .. "/VERSION")
if not vf then error("firmware.t: no kernel in " .. config.kernel_dir .. " (run scripts/test-kernel.sh, or set KERNEL_DIR)", 0) end
vf:close()

-- 1. The initramfs: busybox, and an /init that shows the baked-in command
-- line and powers off.
local root = image.tree { mtime = 0 }
root:file("bin/busybox", { host = config.busybox, mode = "0755" })
for _, applet in ipairs { "sh", "mount", "cat", "echo", "poweroff", "sync" } do
  root:symlink("bin/" .. applet, "busybox")
end
for _, d in ipairs { "proc", "sys", "dev" } do root:dir(d) end
root:chardev("dev/console", 5, 1, { mode = "0600" })
root:file("init", { mode = "0755", data = table.concat {
  "#!/bin/sh\n",
  "mount -t proc proc /proc\n",
  "mount -t sysfs sys /sys\n",
  "mount -t devtmpfs dev /dev\n",
  "echo \"", config.marker, " cmdline=[$(cat /proc/cmdline)]\"\n",
  "poweroff -f\n",
} })
local initrd = image.cpio { tree = root, compress = "gzip", level = 9 }

-- 2. The UKI.
local uki = PE.uki { stub = config.stub, sections = {
  { name = ".osrel", data = config.osrel },
  { name = ".cmdline", data = config.cmdline .. "\0" },
  { name = ".linux", host = config.kernel_dir .. "/vmlinuz" },
  { name = ".initrd", host = "initrd.img" },
} }

-- 3. The disks.
local fwdisk = image.gpt { size = "64M", seed = config.seed,
  partitions = { { name = "EFI System", type = "esp" } } }
local rpdisk = image.gpt { size = "160M", seed = config.seed .. "-rescue",
  partitions = {
    { name = "rescue", type = "esp", size = "48M" },
    { name = "root", type = "linux", size = "64M" },
    { name = "data", type = "linux" },
  } }

terra chdir(p : rawstring) : int return C.chdir(p) end
terra getcwd() : rawstring return C.getcwd(nil, 0) end
terra mkdirs(p : rawstring) : int
  var s = C.strdup(p)
  var n = C.strlen(s)
  for i = 1, n + 1 do
    if s[i] == 47 or s[i] == 0 then
      var c = s[i]
      s[i] = 0
      C.mkdir(s, 493)
      s[i] = c
    end
  end
  C.free(s)
  var st : C.stat_t
  if C.stat(p, &st) ~= 0 then C.fprintf(C.stderr, "firmware: cannot make %s\n", p) return -1 end
  return 0
end

-- The FAT layouts need the UKI's size now: it is made first in a staging
-- directory (the output directory when run by terrac), where the writers
-- run, so the ESP names it by a relative path.
local stage = out or os.tmpname()
if not out then os.remove(stage) end
local cwd = terralib.cast(rawstring, getcwd())
assert(mkdirs(stage) == 0 and chdir(stage) == 0)
initrd:write("initrd.img")
uki:write("uki.efi")
local function esp(part)
  local t = image.tree { mtime = 0 }
  t:file("EFI/BOOT/BOOTX64.EFI", { host = "uki.efi" })
  return image.fat { fat = 32, partition = part, label = "EFI", seed = config.seed, files = t }
end
local fwfat, rpfat = esp(fwdisk.partitions[1]), esp(rpdisk.partitions[1])
assert(chdir(cwd) == 0)
if not out then for _, f in ipairs { "initrd.img", "uki.efi", "" } do os.remove(stage .. "/" .. f) end end

terra build(dir : rawstring) : int
  if mkdirs(dir) ~= 0 or chdir(dir) ~= 0 then return 1 end
  if initrd.writer("initrd.img") ~= 0 then return 1 end
  if uki.writer("uki.efi") ~= 0 then return 1 end
  if fwdisk.writer("firmware.img") ~= 0 then return 1 end
  if fwfat.writer("firmware.img", [fwdisk.partitions[1].offset], false) ~= 0 then return 1 end
  if rpdisk.writer("rescue-partition.img") ~= 0 then return 1 end
  if rpfat.writer("rescue-partition.img", [rpdisk.partitions[1].offset], false) ~= 0 then return 1 end
  return 0
end

terra main(argc : int, argv : &rawstring) : int
  if argc ~= 3 or C.strcmp(argv[1], "-o") ~= 0 then
    C.fprintf(C.stderr, "usage: %s -o OUTDIR\n", argv[0])
    return 2
  end
  if build(argv[2]) ~= 0 then return 1 end
  C.printf("wrote %s/uki.efi, firmware.img and rescue-partition.img\n", argv[2])
  return 0
end

if out then
  if build(out) ~= 0 then error("firmware.t: build failed", 0) end
  assert(chdir(cwd) == 0)
  print("wrote " .. out .. "/uki.efi, firmware.img and rescue-partition.img")
end
