-- rescue.t: a bootable GPT disk whose ESP boots, through systemd-boot, a
-- kernel and a busybox initramfs that provisions a second disk: it writes
-- that disk's GPT (the layout below) and makes ext4 with a marker file.
--
--   terrac images/rescue.t -o out/                 # build now: out/rescue.img
--   terrac build images/rescue.t -o rescue-builder # or compile a builder,
--   ./rescue-builder -o out/                       # which writes the same bytes
--
-- The Lua stage below is the configuration. KERNEL_DIR names an unpacked
-- kernel package (vmlinuz and lib/modules/VERSION, as scripts/test-kernel.sh
-- makes); it is read when the script runs or the builder is compiled, and
-- the kernel, busybox, mke2fs and libraries are read again when the builder
-- runs (they must keep their sizes). The provisioning program is compiled
-- from images/provision.t by `terrac build` when the script runs (or the
-- builder is compiled), and its bytes are baked into the builder.
local image = require "image"
local here = (arg and arg[0] or ""):match("^(.*)/[^/]*$") or "."
local M = terralib.loadfile(here .. "/common.t")()

-- Configuration -------------------------------------------------------------
local config = {
  kernel_dir = M.kernel_dir(),
  busybox = "/bin/busybox",
  sdboot = "/usr/lib/systemd/boot/efi/systemd-bootx64.efi",
  modules = { "virtio_blk", "ext4", "crc32c_generic" },
  seed = "terrac-rescue",
  marker = "TERRAC-RESCUE: up",
  target = "/dev/vdb",                 -- the disk to provision
  cmdline = image.cmdline("console=ttyS0,115200", { panic = 5, loglevel = 4 }),
  -- The second disk, as given to image.gpt: 256 MiB, an ESP-sized spare
  -- and an ext4 data partition.
  layout = {
    size = "256M", seed = "terrac-rescue-target",
    partitions = {
      { name = "spare", type = "linux", size = "32M" },
      { name = "data", type = "linux" },
    },
  },
  fs = 2,                              -- the partition that gets ext4
  fslabel = "data",
  users = { { name = "root", uid = 0, gid = 0, home = "/root", hash = "" } },
}

local out, rest = M.outdir("rescue.t")
local kver = M.kernel_version(config.kernel_dir, "rescue.t")
local vmlinuz = config.kernel_dir .. "/vmlinuz"
image.gpt(config.layout) -- a layout that does not fit stops here, at this line

-- 1. The initramfs (the provisioning program joins it below).
local root = image.tree { mtime = 0 }
root:file("bin/busybox", { host = config.busybox, mode = "0755" })
for _, applet in ipairs { "sh", "mount", "umount", "mkdir", "cat", "echo", "ls", "insmod", "poweroff", "sleep", "sync" } do
  root:symlink("bin/" .. applet, "busybox")
end
for _, d in ipairs { "proc", "sys", "dev", "root", "etc", "mnt" } do root:dir(d) end
root:dir("tmp", { mode = "1777" })
root:chardev("dev/console", 5, 1, { mode = "0600" })
root:chardev("dev/null", 1, 3, { mode = "0666" })
root:users { users = config.users, groups = { { name = "root", gid = 0 } } }
root:binary("sbin/mke2fs", "/usr/sbin/mke2fs")
root:file("etc/mke2fs.conf", { host = "/etc/mke2fs.conf" })
local mods = root:modules { dir = config.kernel_dir .. "/lib/modules/" .. kver, names = config.modules, at = "lib/modules/" .. kver }
root:file("init", { mode = "0755", data = table.concat {
  "#!/bin/sh\n",
  "mount -t proc proc /proc\n",
  "mount -t sysfs sys /sys\n",
  "mount -t devtmpfs dev /dev\n",
  mods.script, "\n",
  "echo '", config.marker, "'\n",
  "i=0; while [ ! -b ", config.target, " ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done\n",
  "if /sbin/provision ", config.target, "; then echo 'TERRAC-RESCUE: provisioned'; else echo 'TERRAC-RESCUE: FAILED'; fi\n",
  "sync\n",
  "poweroff -f\n",
} })

-- 2. The boot disk: a GPT with one FAT32 ESP.
local disk = image.gpt {
  size = "128M", seed = config.seed,
  partitions = { { name = "EFI System", type = "esp" } },
}
local loader = image.systemd_boot {
  timeout = 0, default = "rescue",
  entries = { { name = "rescue", title = "terrac rescue", linux = "/vmlinuz", initrd = "/initrd.img",
    options = config.cmdline } },
}

-- The provisioning program, the initramfs and the FAT layout are made
-- first, in a staging directory (the output directory when run by terrac,
-- where the writers then run): the initramfs needs the program's bytes, and
-- the FAT layout the initramfs's size, now.
local initrd, esp, fat
local cwd = M.stage(out, function()
  -- 3. The provisioning program: images/provision.t compiled by `terrac
  -- build` for the guest's baseline CPU, with the layout in its Lua stage's
  -- PROVISION_CONFIG. It is a step of its own graph, so a rerun rebuilds it
  -- only when provision.t, the layout or terrac changed.
  local sprov = M.terrac_build { name = "provision", script = here .. "/provision.t", output = "provision",
    args = { "--cpu", "x86-64-v2" },
    env = { PROVISION_CONFIG = M.serialize { disk = config.layout, fs = config.fs, label = config.fslabel,
      marker = config.marker .. " provisioned\n" } } }
  if image.graph({ sprov, dir = "." }):run({}) ~= 0 then error("the provisioning program did not build (its log is named above)") end
  local f = assert(io.open("provision", "rb"))
  local provbin = f:read("*a")
  f:close()
  root:libs("provision") -- its libraries: the closure of its bytes
  root:file("sbin/provision", { data = provbin, mode = "0755" })
  initrd = image.cpio { tree = root, compress = "gzip", level = 9 }
  initrd:write("initrd.img")
  esp = image.tree { mtime = 0 }
  esp:file("EFI/BOOT/BOOTX64.EFI", { host = config.sdboot })
  esp:file("vmlinuz", { host = vmlinuz })
  esp:file("initrd.img", { host = "initrd.img" })
  for _, e in ipairs(loader) do esp:file(e.path, { data = e.data }) end
  fat = image.fat { fat = 32, partition = disk.partitions[1], label = "EFI", seed = config.seed, files = esp }
end)

-- The build is two steps of the image library's step engine, run in the
-- output directory: a rerun redoes only a step whose inputs or definition
-- changed, and a build killed halfway completes when run again. Each
-- step's version is a digest of what the Lua stage baked into its writer,
-- so a builder compiled from another configuration redoes it.
local sinitrd = image.step { name = "initrd", inputs = M.hosts(root), outputs = { "initrd.img" },
  version = M.digest(root:entries()),
  run = terra(ctx : &image.StepCtx) : int return initrd.writer(ctx.outputs[0]) end }
local diskdesc = { { path = "gpt", host = disk.guid, size = disk.size } }
for _, p in ipairs(disk.partitions) do diskdesc[#diskdesc + 1] = { path = p.guid, size = p.offset } end
for _, e in ipairs(esp:entries()) do diskdesc[#diskdesc + 1] = e end
local sdisk = image.step { name = "disk", inputs = { sinitrd, vmlinuz, config.sdboot }, outputs = { "rescue.img" },
  version = M.digest(diskdesc),
  run = terra(ctx : &image.StepCtx) : int
    if disk.writer(ctx.outputs[0]) ~= 0 then return 1 end
    return fat.writer(ctx.outputs[0], [disk.partitions[1].offset], false)
  end }
local graph = image.graph { sinitrd, sdisk, dir = "." }
graph:compile()

-- rescue-builder -o OUTDIR [--list | --dry-run | --force STEP]
main = M.main(graph)

if out then
  M.run(graph, out, rest, cwd, "rescue.t")
  print("wrote " .. out .. "/rescue.img")
end
