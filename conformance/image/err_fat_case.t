-- FAT names ignore case: two names that differ only in case collide.
local image = require "image"
local files = { { path = "boot/Readme.txt", data = "1" } }
files[#files + 1] = { path = "boot/README.TXT", data = "2" }
local fs = image.fat{ fat = 16, size = "4M", files = files }
