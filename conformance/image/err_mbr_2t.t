-- An MBR addresses 2^32 sectors: a partition ending past 2 TiB is refused.
local image = require "image"
image.mbr{ size = "3T", partitions = {
  { type = "linux", size = "1T" },
  { type = "linux", size = "1536G" },
} }
