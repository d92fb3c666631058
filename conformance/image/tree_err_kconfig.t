-- Kconfig option names start with CONFIG_.
local image = require "image"
local t = image.tree()
local k = t:kconfig("boot/config")
k:set("CONFIG_OK", "y")
k:set("MODULES", "y")
