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
local M = terralib.loadfile(here .. "/common.t")()

-- Configuration -------------------------------------------------------------
local config = {
  kernel_dir = M.kernel_dir(),
  busybox = "/bin/busybox",
  stub = "/usr/lib/systemd/boot/efi/linuxx64.efi.stub",
  seed = "terrac-firmware",
  marker = "TERRAC-FIRMWARE: up",
  cmdline = image.cmdline("console=ttyS0,115200", { panic = 5, loglevel = 4, ["terrac.fw"] = "uki" }),
  osrel = 'ID=terrac\nNAME="terrac firmware"\nPRETTY_NAME="terrac firmware (UKI)"\nVERSION_ID=1\n',
}

local out, rest = M.outdir("firmware.t")
M.kernel_version(config.kernel_dir, "firmware.t")
local vmlinuz = config.kernel_dir .. "/vmlinuz"

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

-- The FAT layouts need the UKI's size now: it is made first in a staging
-- directory (the output directory when run by terrac), where the writers
-- run, so the ESP names it by a relative path.
local fwfat, rpfat
local cwd = M.stage(out, function()
  initrd:write("initrd.img")
  uki:write("uki.efi")
  local function esp(part)
    local t = image.tree { mtime = 0 }
    t:file("EFI/BOOT/BOOTX64.EFI", { host = "uki.efi" })
    return image.fat { fat = 32, partition = part, label = "EFI", seed = config.seed, files = t }
  end
  fwfat, rpfat = esp(fwdisk.partitions[1]), esp(rpdisk.partitions[1])
end)

-- The build: four steps of the image step engine, run in the output
-- directory (see images/rescue.t).
local sinitrd = image.step { name = "initrd", inputs = M.hosts(root), outputs = { "initrd.img" },
  version = M.digest(root:entries()),
  run = terra(ctx : &image.StepCtx) : int return initrd.writer(ctx.outputs[0]) end }
local suki = image.step { name = "uki", inputs = { sinitrd, config.stub, vmlinuz }, outputs = { "uki.efi" },
  version = M.digest { { path = "uki", data = config.osrel .. "\0" .. config.cmdline } },
  run = terra(ctx : &image.StepCtx) : int return uki.writer(ctx.outputs[0]) end }
local function diskstep(name, file, disk, fat)
  local desc = { { path = "gpt", host = disk.guid, size = disk.size } }
  for _, p in ipairs(disk.partitions) do desc[#desc + 1] = { path = p.guid, size = p.offset } end
  return image.step { name = name, inputs = { suki }, outputs = { file }, version = M.digest(desc),
    run = terra(ctx : &image.StepCtx) : int
      if disk.writer(ctx.outputs[0]) ~= 0 then return 1 end
      return fat.writer(ctx.outputs[0], [disk.partitions[1].offset], false)
    end }
end
local graph = image.graph { sinitrd, suki,
  diskstep("firmware", "firmware.img", fwdisk, fwfat),
  diskstep("rescue-partition", "rescue-partition.img", rpdisk, rpfat), dir = "." }
graph:compile()

-- firmware-builder -o OUTDIR [--list | --dry-run | --force STEP]
main = M.main(graph)

if out then
  M.run(graph, out, rest, cwd, "firmware.t")
  print("wrote " .. out .. "/uki.efi, firmware.img and rescue-partition.img")
end
