-- sed-like patches (POSIX extended regex, first match only) and Kconfig
-- .config edits on file entries.
local image = require "image"
local t = image.tree{ mtime = 0 }
t:file("etc/inittab", { data = "::sysinit:/etc/init.d/rcS\nttyS0::respawn:/sbin/getty 115200 ttyS0\ntty1::respawn:/sbin/getty 38400 tty1\n" })
-- groups and & in the replacement; only the first of two matching lines changes
t:sed("etc/inittab", "^(tty[A-Z0-9]+)::respawn:(.*)$", "\\1::askfirst:\\2 # was: &")
io.write(t:read("etc/inittab"))
-- . does not cross lines unless multiline is set; \n in the replacement
t:file("a.txt", { data = "one\ntwo\nthree\n" })
t:sed("a.txt", "two", "2\\n2b")
print(string.format("%q", t:read("a.txt")))
t:sed("a.txt", "^one.*three", "ALL", { multiline = true })
print(string.format("%q", t:read("a.txt")))
t:file("b.txt", { data = "Hello WORLD" })
t:sed("b.txt", "world", "there", { icase = true })
print(t:read("b.txt"))
-- bytes after a NUL are searched too
t:file("bin.dat", { data = "\0\1\2MAGIC=old\0" })
t:sed("bin.dat", "MAGIC=[a-z]+", "MAGIC=new")
print(string.format("%q", t:read("bin.dat")))
-- a file from the host is read when patched, and becomes inline data
t:file("host.t", { host = "tree_text.t" })
t:sed("host.t", "^-- sed-like", "-- SED-LIKE")
print(t:read("host.t"):sub(1, 14), t:get("host.t").host, t:get("host.t").size == #t:read("host.t"))
-- a hard link is patched through its target
t:hardlink("b2.txt", "b.txt")
t:sed("b2.txt", "there", "again")
print(t:read("b.txt"))
-- the regex engine on a plain string
print(require("image.textedit").sed("x=1 x=2", "x=([0-9])", "y=\\1\\\\"))

-- Kconfig
t:file("boot/config", { data = "# comment\nCONFIG_A=y\n# CONFIG_B is not set\nCONFIG_C=\"old\"\nCONFIG_D=m\n" })
local k = t:kconfig("boot/config", { CONFIG_B = "m", CONFIG_D = false })
k:set("CONFIG_A", "n")
k:set("CONFIG_C", "with \"quotes\" and \\")
k:set("CONFIG_NR_CPUS", 64)
k:set("CONFIG_BASE", "0x1000")
k:setstring("CONFIG_LOCALVERSION", "1")
k:unset("CONFIG_NEW_OFF")
io.write(t:read("boot/config"))
print(k:get("CONFIG_C"), k:get("CONFIG_A"), k:get("CONFIG_D"), k:get("CONFIG_NR_CPUS"), k:get("CONFIG_MISSING"))
-- a missing file is created
t:kconfig("fresh/.config"):set("CONFIG_X", "y")
io.write(t:read("fresh/.config"))
