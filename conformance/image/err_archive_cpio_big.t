local image = require "image"
local t = image.tree{ uid = 0 }
t:file("big", { data = "x", mtime = 5000000000 })
image.cpio(t)
