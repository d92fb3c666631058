-- A compiled builder cannot hold a Lua run function.
local image = require "image"
local a = image.step{ name = "a", outputs = { "a.out" }, run = function(s) end }
local g = image.graph{ a }
main = g.main
