-- image.output(n) must name one of the step's outputs.
local image = require "image"
local a = image.step{ name = "a", outputs = { "a.out" },
  run = { "cp", "step_err_marker.t", image.output(2) } }
image.build{ a, dir = "/nonexistent" }
