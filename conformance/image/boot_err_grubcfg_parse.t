-- A grub.cfg with a block that is never closed: the error names the file's
-- line and column and is raised at the script's line.
local image = require "image"
local text = "set timeout=5\nmenuentry 'x' {\n\tlinux /vmlinuz\n"
image.grubcfg.parse(text, "broken.cfg")
