-- A symlink is stored, never followed: nothing can be put "through" it.
local image = require "image"
local t = image.tree()
t:symlink("etc", "/host/etc")
t:file("etc/passwd", { data = "root::0:0::/:/bin/sh\n" })
