-- Bad run values and bad Terra run functions are errors at the step's line.
local image = require "image"
print(pcall(image.step, { name = "n", outputs = { "x" }, run = 42 }))
print(pcall(image.step, { name = "n", outputs = { "x" } }))
print(pcall(image.step, { name = "bad name", outputs = { "x" }, run = { "true" } }))
print(pcall(image.step, { name = "n", outputs = {}, run = { "true" } }))
print(pcall(image.step, { name = "n", outputs = { "x", "x" }, run = { "true" } }))
local terra two(a : int, b : int) : int return a + b end
image.step{ name = "t", outputs = { "x" }, run = two }
