-- Two steps may not make the same file.
local image = require "image"
local a = image.step{ name = "a", outputs = { "same.out" }, run = { "true" } }
local b = image.step{ name = "b", outputs = { "same.out" }, run = { "true" } }
image.graph{ a, b }
