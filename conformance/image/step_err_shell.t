-- run is never a string of shell; image.sh"..." says so explicitly.
local image = require "image"
local ok = image.step{ name = "ok", outputs = { "x" }, run = image.sh"echo hi > x" }
print(ok.run[1], ok.run[2])
image.step{ name = "bad", outputs = { "x" }, run = "echo hi > x" }
