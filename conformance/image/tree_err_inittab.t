-- Unknown inittab actions are refused.
local image = require "image"
local t = image.tree()
t:inittab{
  { "sysinit", "/etc/init.d/rcS" },
  { "respawnn", "/sbin/getty ttyS0" },
}
