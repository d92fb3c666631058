-- A directory is not a file's contents.
local image = require "image"
local t = image.tree()
t:file("etc", { host = "." })
