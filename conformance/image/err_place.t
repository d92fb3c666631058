-- A file system image larger than the partition it is placed in.
local image = require "image"
local fsimg, disk = os.tmpname(), os.tmpname()
image.fat{ fat = 16, size = "4M" }:write(fsimg)
local d = image.gpt{ size = "8M", partitions = { { name = "p", size = "2M" } } }:write(disk)
local ok, err = pcall(image.place, fsimg, d.partitions[1])
os.remove(fsimg) os.remove(disk)
error(err, 0)
