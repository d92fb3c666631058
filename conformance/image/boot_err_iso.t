-- ISO trees hold files, directories and links; boot images must be in the tree.
local image = require "image"
local t = image.tree{}
t:file("isolinux/isolinux.bin", { data = "x" })
print(pcall(image.iso, { tree = t, volid = "bad/volid" }))
print(pcall(image.iso, { tree = t, bios = { image = "isolinux/missing.bin" } }))
print(pcall(image.iso, { tree = {} }))
t:chardev("dev/console", 5, 1)
image.iso{ tree = t, bios = { image = "isolinux/isolinux.bin" } }
