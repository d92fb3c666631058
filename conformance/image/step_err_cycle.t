-- Two steps that each need the other's output form a cycle.
local image = require "image"
local a = image.step{ name = "a", inputs = { "b.out" }, outputs = { "a.out" }, run = { "true" } }
local b = image.step{ name = "b", inputs = { "a.out" }, outputs = { "b.out" }, run = { "true" } }
image.build{ a, b, dir = "/nonexistent" }
