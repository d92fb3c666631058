-- image.cmdline: later values replace earlier ones in place, false drops a
-- key, true makes a flag, values with blanks are quoted.
local image = require "image"
print(image.cmdline("root=/dev/sda1 ro quiet splash"))
print(image.cmdline("console=tty0 root=/dev/sda1 quiet", "console=ttyS0,115200n8 root=/dev/vda2"))
print(image.cmdline("ro quiet", { quiet = false, init = "/sbin/init", debug = true }))
print(image.cmdline({ "a=1", { "b=2", "c" } }, "a=3"))
print(image.cmdline('label="my disk" x="y"', { note = "two words" }))
print(image.cmdline("  spaces   between\targs  "))
print(image.cmdline())
print(image.cmdline("key= flag", { empty = "" }))
