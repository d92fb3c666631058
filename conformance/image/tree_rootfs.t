-- Busybox root files from tables: inittab, fstab, rcS, passwd/shadow/group.
local image = require "image"
local t = image.tree{ mtime = 0 }
t:inittab{
  { "sysinit", "/etc/init.d/rcS" },
  { action = "askfirst", process = "-/bin/sh", tty = "ttyS0" },
  { "ctrlaltdel", "/sbin/reboot" },
  { "shutdown", "/bin/umount -a -r" },
}
t:fstab{
  { "proc", "/proc", "proc" },
  { device = "LABEL=root", dir = "/", type = "ext4", options = "rw,noatime", pass = 1 },
  { "/dev/vdb1", "/mnt/with space", "vfat", "ro", 0, 2 },
}
t:rcS{
  { "mount", "-t", "proc", "proc", "/proc" },
  { "echo", "it's up" },
  "mount -a && echo done",
  modules = { paths = { "/lib/modules/6.1/kernel/fs/ext4/ext4.ko" } },
}
t:users{
  users = {
    { name = "root", uid = 0, gid = 0, home = "/root", hash = "" },
    { name = "www", uid = 33, gid = "www-data", gecos = "web server", shell = "/sbin/nologin" },
  },
  groups = { { name = "root", gid = 0 }, { name = "www-data", gid = 33, members = { "www" } } },
}
for _, p in ipairs{ "etc/inittab", "etc/fstab", "etc/init.d/rcS", "etc/passwd", "etc/group", "etc/shadow" } do
  local e = t:get(p)
  print(string.format("== %s %04o %d:%d", p, e.mode, e.uid, e.gid))
  io.write(t:read(p))
end
-- shadow readable by a shadow group
local u = image.tree()
u:users({ users = { { name = "root", uid = 0, gid = 0 } } }, { shadow_gid = 42 })
local s = u:get("etc/shadow")
print(string.format("shadow %04o gid %d", s.mode, s.gid))
