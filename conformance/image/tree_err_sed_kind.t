-- Only files can be patched.
local image = require "image"
local t = image.tree()
t:symlink("etc/mtab", "/proc/mounts")
t:sed("etc/mtab", "x", "y")
