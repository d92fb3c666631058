-- An MBR type byte out of range.
local image = require "image"
local d = image.mbr{ size = "64M",
  partitions = { { type = 0x183 } } }
