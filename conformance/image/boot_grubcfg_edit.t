-- Editing a grub.cfg modelled on Debian's: round trip, nested lookup, a
-- copied entry with a new kernel, initrd and arguments, and timeouts.
local image = require "image"
local path = "../../dsl/image/grubcfg/testdata/debian.cfg"
local f = assert(io.open(path, "rb"))
local src = f:read("*a")
f:close()
local g = image.grubcfg.read(path)
print("round trip identical:", g:text() == src, tostring(g) == src)
for i, e in ipairs(g:entries()) do print(i, e:kind(), e:title(), e:id()) end
local sub = g:find("Advanced options for Debian GNU/Linux")
print(#sub:entries(), sub:entries()[2]:title())
local rec = g:find("Advanced options for Debian GNU/Linux>Debian GNU/Linux, with Linux 6.1.0-13-amd64 (recovery mode)")
print(rec == sub:entries()[2], rec:kernel(), rec:args(), rec:initrd()[1])
print(g:find("no such entry"), g:find("uefi-firmware"):title())

local main = g:find("Debian GNU/Linux")
local c = main:copy()
c:set_title("Debian GNU/Linux (serial console)")
c:set_id("gnulinux-serial")
c:set_kernel("/boot/vmlinuz-6.6.0-test")
c:set_initrd("/boot/intel-ucode.img", "/boot/initrd.img-6.6.0-test")
c:set_args(image.cmdline(main:args(), "console=ttyS0,115200", { quiet = false }))
print(g:insert(c, { after = main }) == c)
print("timeouts set:", g:set_timeout(2))
local into = sub:entries()[1]:copy()
into:set_title("Nested copy")
g:insert(into, { into = sub })
local out = g:text()
-- everything outside the new entries and the timeouts is unchanged
local rest = out:gsub("\n[^\n]*menuentry 'Debian GNU/Linux %(serial console%)'.-\n}", "", 1)
  :gsub("\n\tmenuentry 'Nested copy'.-\n\t}", "", 1):gsub("timeout=2", "timeout=X")
print("unchanged elsewhere:", rest == src:gsub("timeout=%d+", "timeout=X"))
io.write(c:text(), "\n")
print(g:find("Advanced options for Debian GNU/Linux>Nested copy") == into)
g:remove(into)
-- a parsed copy reads back the same
local g2 = image.grubcfg.parse(g:text(), "edited.cfg")
local c2 = g2:find("gnulinux-serial")
print(c2:title(), c2:kernel(), c2:args(), table.concat(c2:initrd(), " "))
-- entries without an initrd line get one after the linux line
local m = g2:find('Memtest86+ "serial"')
m:set_initrd("/boot/extra.img")
io.write(m:text(), "\n")
-- set_default and set add or change `set NAME=` lines
local small = image.grubcfg.parse("# top\nmenuentry 'a' {\n\tlinux /k\n}\n")
print(small:set_default("a b"), small:set("pager", 1), small:set_timeout(0))
io.write(small:text())
