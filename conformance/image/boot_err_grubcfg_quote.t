local image = require "image"
local ok, err = pcall(image.grubcfg.parse, "echo ok\nmenuentry 'x {\n")
print(ok, err)
image.grubcfg.read("no/such/grub.cfg")
