-- The prefix of a merge is a tree path too.
local image = require "image"
local a, b = image.tree(), image.tree()
b:file("x", { data = "" })
a:overlay(b, "opt/../..")
