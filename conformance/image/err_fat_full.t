-- A file larger than the file system.
local image = require "image"
local fs = image.fat{ fat = 16, size = "4M", files = {
  { path = "small.txt", data = "x" },
  { path = "big/blob.bin", data = string.rep("x", 5 * 1024 * 1024) },
} }
