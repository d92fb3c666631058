-- A directory in one tree and a symlink in the other conflict.
local image = require "image"
local a, b = image.tree(), image.tree()
a:dir("lib")
b:symlink("lib", "usr/lib")
a:merge(b, "/")
