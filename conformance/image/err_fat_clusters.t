-- FAT32 needs 65525 clusters: 16 MB has too few even with 512-byte clusters.
local image = require "image"
image.fat{ fat = 32, size = "16M" }
