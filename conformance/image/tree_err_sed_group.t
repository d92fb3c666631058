-- \2 in the replacement when the pattern has one group.
local image = require "image"
local t = image.tree()
t:file("a", { data = "key=value" })
t:sed("a", "key=(.*)", "\\2")
