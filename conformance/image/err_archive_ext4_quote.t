local image = require "image"
local t = image.tree()
t:file('a"b', { data = "x" })
image.ext4{ tree = t, size = "8M" }
