-- Merging two trees that hold different files at one path is an error
-- that names the path.
local image = require "image"
local a, b = image.tree(), image.tree()
a:file("etc/hostname", { data = "a\n" })
b:file("etc/hostname", { data = "b\n" })
a:merge(b)
