-- image.cpio and image.tar write a tree; image.read gives it back, through
-- gzip and xz too, with owners, modes, times, devices and links.
local image = require "image"
local t = image.tree{ mtime = 1700000000 }
t:file("etc/hostname", { data = "box\n" })
t:file("bin/busybox", { data = "\127ELF...", mode = "0755" })
t:symlink("bin/sh", "busybox")
t:hardlink("bin/ash", "bin/busybox")
t:chardev("dev/console", 5, 1, { mode = "0600" })
t:blockdev("dev/sda", 8, 0, { gid = 6, mode = "0660" })
t:fifo("run/initctl")
t:file(string.rep("x", 120), { data = "long\n", uid = 1000, mtime = 1600000000 })
local function show(tree)
  for _, e in ipairs(tree:entries()) do
    print(string.format("  %-8s %-12.12s %04o %d:%d %d %s%s", e.kind, e.path, e.mode, e.uid, e.gid, e.mtime,
      e.data and string.format("%q", e.data) or e.target or "", e.major and (e.major .. "," .. e.minor) or ""))
  end
end
for _, spec in ipairs{ { "cpio" }, { "cpio", "gzip" }, { "tar" }, { "tar", "xz" } } do
  local path = os.tmpname()
  image[spec[1]]{ tree = t, compress = spec[2] }:write(path)
  local back, skipped = image.read(path)
  print(spec[1], spec[2] or "", #skipped)
  show(back)
  os.remove(path)
end
