-- A patch whose pattern does not match fails at the script's line.
local image = require "image"
local t = image.tree()
t:file("etc/inittab", { data = "::sysinit:/etc/init.d/rcS\n" })
t:sed("etc/inittab", "^tty1::", "")
