-- gzip output is compressed in 1 MiB chunks by worker threads; the bytes
-- do not depend on how many threads there are (0: the writing thread).
local image = require "image"
local G = require "image.pgzip"
local t = image.tree{ mtime = 0 }
local parts = {}
for i = 1, 64 do parts[i] = string.rep(string.format("%05d line of text ", i * 7919 % 65536), 2000 + i) end
local data = table.concat(parts)
t:file("a", { data = data })
t:file("b", { data = "small" })
local out = {}
for _, n in ipairs{ 0, 1, 2, 8 } do
  G.maxthreads:set(n)
  local path = os.tmpname()
  image.cpio{ tree = t, compress = "gzip" }:write(path)
  local f = io.open(path, "rb")
  out[#out + 1] = f:read("*a")
  f:close()
  os.remove(path)
end
print("input bytes", #data, "chunks", math.ceil(#data / 1048576))
print("same for 0, 1, 2 and 8 threads", out[1] == out[2] and out[2] == out[3] and out[3] == out[4])
