-- Hard-link targets are tree paths and are checked like names.
local image = require "image"
local t = image.tree()
t:file("bin/busybox", { data = "" })
t:hardlink("bin/sh", "../bin/busybox")
