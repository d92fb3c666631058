-- The library closure needs an ELF binary.
local image = require "image"
local t = image.tree()
t:libs("tree_err_libs.t")
