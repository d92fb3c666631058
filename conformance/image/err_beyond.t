-- A partition that ends past the last sector of an MBR disk.
local image = require "image"
local ok = pcall(image.mbr, { size = "8M", partitions = { { size = "4M" } } })
print("fits", ok)
local d = image.mbr{ size = "8M", partitions = {
  { type = "linux", size = "4M" },
  { type = "swap", size = "4M" },
} }
