-- add_host_dir needs a directory.
local image = require "image"
local t = image.tree()
t:add_host_dir("tree_err_hostdir.t", "opt")
