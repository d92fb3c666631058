-- A ':' in a passwd field would shift the fields after it.
local image = require "image"
local t = image.tree()
t:users{ users = { { name = "root", uid = 0, gid = 0, home = "/root:/bin/evil" } } }
