-- A partition type that is neither a known name nor a GUID.
local image = require "image"
image.gpt{ size = "64M", partitions = { { name = "boot", type = "efi-system" } } }
