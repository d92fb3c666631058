-- image.patch keeps the BPB while splicing boot code; image.place and
-- fs:write() put a file system into a partition of a GPT disk.
local image = require "image"
local esp = os.tmpname()
local disk = os.tmpname()
local fs = image.fat{ fat = 16, size = "4M", cluster = 512, label = "ESP", seed = "p",
  files = { { path = "hello.txt", data = "hello\n" } } }
fs:write(esp)
local function read(path, off, n)
  local f = io.open(path, "rb")
  f:seek("set", off)
  local s = f:read(n)
  f:close()
  return s
end
local before = read(esp, 0, 512)
local code = {}
for i = 1, 512 do code[i] = string.char((i * 7) % 256) end
code = table.concat(code)
image.patch(esp, code, { keep = { 3, 62 } }) -- FAT16: the BPB ends at byte 62
local after = read(esp, 0, 512)
print("jump from code", after:sub(1, 3) == code:sub(1, 3))
print("BPB kept", after:sub(4, 62) == before:sub(4, 62))
print("code after BPB", after:sub(63) == code:sub(63))
-- the default range is the FAT32 one, bytes 3..89
local f32 = os.tmpname()
image.fat{ fat = 32, size = "40M", cluster = 512 }:write(f32)
local b32 = read(f32, 0, 512)
image.patch(f32, { file = esp })
local a32 = read(f32, 0, 512)
print("FAT32 BPB kept", a32:sub(4, 90) == b32:sub(4, 90), a32:sub(91) == after:sub(91))
os.remove(f32)

local d = image.gpt{ size = "16M", seed = "p", partitions = {
  { name = "ESP", type = "esp", size = "4M" },
  { name = "data", type = "linux" },
} }
d:write(disk)
image.place(esp, d.partitions[1])
print("placed", read(disk, d.partitions[1].offset, 512) == after)
-- a file system laid out for a partition writes itself there
local fs2 = image.fat{ fat = 16, partition = d.partitions[2], label = "DATA", seed = "p" }
fs2:write()
local b2 = read(disk, d.partitions[2].offset, 512)
print("in partition 2", fs2.size == d.partitions[2].bytes, b2:sub(44, 54), b2:byte(29) + b2:byte(30) * 256 == d.partitions[2].start)
print("gpt intact", read(disk, 512, 8))
os.remove(esp)
os.remove(disk)
