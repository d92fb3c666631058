-- An input that is neither a file nor made by a step is an error at the
-- step that needs it.
local image = require "image"
local a = image.step{ name = "a", inputs = { "step_err_missing.t" }, outputs = { "a.out" }, run = { "true" } }
local b = image.step{ name = "b", inputs = { a, "no-such-input.txt" }, outputs = { "b.out" },
  run = { "true" } }
image.build{ a, b, dir = "/nonexistent" }
