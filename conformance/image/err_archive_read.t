local image = require "image"
-- this program is not an archive
local t = image.read("err_archive_read.t")
