-- No entry may name a place outside the tree.
local image = require "image"
local t = image.tree()
t:file("etc/ok", { data = "" })
t:file("etc/../../root/.ssh/authorized_keys", { data = "key" })
