-- Paths may not climb out of the tree.
local image = require "image"
image.fat{ fat = 16, size = "4M", files = {
  { path = "ok/file", data = "" },
  { path = "ok/../../etc/passwd", data = "root" },
} }
