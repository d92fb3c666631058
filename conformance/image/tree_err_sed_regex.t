-- A malformed regular expression is reported with libc's reason.
local image = require "image"
local t = image.tree()
t:file("a", { data = "x" })
t:sed("a", "(unclosed", "")
