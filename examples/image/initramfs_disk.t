-- A busybox initramfs and a GPT disk whose EFI system partition boots it
-- through systemd-boot: the complete example of docs/image.md.
--
--   terrac examples/image/initramfs_disk.t OUTDIR KERNEL
--
-- BUSYBOX and SYSTEMD_BOOT name the host files to use (defaults: Debian's
-- busybox-static and systemd-boot-efi). Run it twice: the same bytes.
local image = require "image"
local out = assert(arg[1], "usage: initramfs_disk.t OUTDIR KERNEL")
local kernel = assert(arg[2], "usage: initramfs_disk.t OUTDIR KERNEL")
local busybox = os.getenv("BUSYBOX") or "/bin/busybox"
local sdboot = os.getenv("SYSTEMD_BOOT") or "/usr/lib/systemd/boot/efi/systemd-bootx64.efi"
image.exec{ "mkdir", "-p", out }

-- 1. The root file system of the initramfs, owned by root without root.
local root = image.tree{ mtime = 0 }
root:file("bin/busybox", { host = busybox, mode = "0755" })
for _, applet in ipairs { "sh", "mount", "mkdir", "cat", "echo", "ls", "poweroff" } do
  root:symlink("bin/" .. applet, "busybox")
end
for _, d in ipairs { "proc", "sys", "dev", "root" } do root:dir(d) end
root:dir("tmp", { mode = "1777" })
root:chardev("dev/console", 5, 1, { mode = "0600" })
root:chardev("dev/null", 1, 3, { mode = "0666" })
root:users {
  users = { { name = "root", uid = 0, gid = 0, home = "/root", hash = "" } },
  groups = { { name = "root", gid = 0 } },
}
root:file("init", { mode = "0755", data = [[
#!/bin/sh
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
echo "initramfs: up"
exec sh
]] })

-- 2. The initramfs: a newc cpio, gzip-compressed.
image.cpio { tree = root, compress = "gzip", level = 9 }:write(out .. "/initrd.img")

-- 3. The disk: a GPT with an ESP and a root partition.
local disk = image.gpt {
  size = "128M", seed = "terrac-example",
  partitions = {
    { name = "EFI System", type = "esp", size = "64M" },
    { name = "root", type = "linux" },
  },
}
disk:write(out .. "/disk.img")

-- 4. The ESP: systemd-boot as the removable-media loader, one entry, the
-- kernel and the initramfs.
local esp = image.tree { mtime = 0 }
esp:file("EFI/BOOT/BOOTX64.EFI", { host = sdboot })
esp:file("vmlinuz", { host = kernel })
esp:file("initrd.img", { host = out .. "/initrd.img" })
local loader = image.systemd_boot {
  timeout = 0, default = "example",
  entries = { {
    name = "example", title = "terrac example", linux = "/vmlinuz", initrd = "/initrd.img",
    options = image.cmdline("console=ttyS0,115200", { rdinit = "/init", panic = 5 }),
  } },
}
for _, f in ipairs(loader) do esp:file(f.path, { data = f.data }) end
image.fat { fat = 32, partition = disk.partitions[1], label = "EFI", seed = "terrac-example", files = esp }:write()
print("wrote " .. out .. "/disk.img and " .. out .. "/initrd.img")
