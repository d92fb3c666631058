-- A value with a newline would inject a second line.
local image = require "image"
local t = image.tree()
t:kconfig("boot/config", { CONFIG_CMDLINE = "quiet\nCONFIG_EVIL=y" })
