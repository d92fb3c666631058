-- A NUL byte would cut a name short in every archive format.
local image = require "image"
local t = image.tree()
t:dir("etc")
t:file("etc/passwd\0.bak", { data = "" })
