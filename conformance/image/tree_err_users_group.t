-- A user's group given by name must be in groups.
local image = require "image"
local t = image.tree()
t:users{ users = { { name = "www", uid = 33, gid = "www-data" } }, groups = {} }
