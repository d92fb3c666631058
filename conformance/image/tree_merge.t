-- merge, overlay and copy of trees: directories combine, equal entries
-- are not conflicts, overlay replaces (a directory with its contents),
-- hard links follow their targets under a prefix.
local image = require "image"
local function list(t)
  for _, e in ipairs(t:entries()) do
    local extra = e.data and ("data=" .. string.format("%q", e.data)) or e.target and ("-> " .. e.target)
      or e.major and (e.major .. "," .. e.minor) or ""
    print(string.format("  %-22s %-8s %04o %d:%d %d %s", e.path, e.kind, e.mode, e.uid, e.gid, e.mtime, extra))
  end
end
local base = image.tree{ mtime = 100 }
base:file("etc/hostname", { data = "base\n" })
base:dir("etc", { mode = "0750" })
base:symlink("bin/sh", "busybox")
base:file("usr/share/doc/README", { data = "old docs" })

local extra = image.tree{ uid = 1000, gid = 1000, mtime = 200 }
extra:file("etc/motd", { data = "hi\n" })
extra:chardev("dev/console", 5, 1, { mode = "0600", uid = 0, gid = 0 })
extra:file("data/a", { data = "A" })
extra:hardlink("data/b", "data/a")

print("merge:")
local m = base:copy():merge(extra)
list(m)
print("same entries merge again:", pcall(function() m:merge(extra) end))

print("merge under opt/x:")
list(image.tree{ mtime = 1 }:merge(extra, "opt/x"))

print("overlay:")
local top = image.tree{ mtime = 300 }
top:file("etc/hostname", { data = "top\n" })
top:file("usr/share/doc", { data = "a file where a directory was" })
top:symlink("bin/sh", "dash")
local o = base:copy():overlay(top)
list(o)
print("base untouched:", base:get("etc/hostname").data == "base\n", base:get("usr/share/doc").kind)
