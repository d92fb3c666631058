local image = require "image"
local t = image.tree()
image.cpio{ tree = t, compress = "zstd" }
