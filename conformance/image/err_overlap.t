-- Two partitions given exact sectors that overlap.
local image = require "image"
local d = image.gpt{ size = "64M", partitions = {
  { name = "a", start = 2048, sectors = 4096 },
  { name = "b", start = 4096, sectors = 4096 },
} }
print("not reached")
