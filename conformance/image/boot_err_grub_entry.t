-- A menuentry needs a kernel (or commands); errors name the entry.
local image = require "image"
print(pcall(image.grub, { entries = {} }))
print(pcall(image.systemd_boot, { entries = { { name = "a", linux = "/k" }, { name = "a", linux = "/k" } } }))
print(pcall(image.isolinux, { default = "nope", labels = { { name = "x", kernel = "/k" } } }))
print(pcall(image.cmdline, { ["bad key"] = "x" }))
print(pcall(image.grub, { timeout = 1.5, entries = { { title = "a", linux = "/k" } } }))
image.grub{
  entries = {
    { title = "ok", linux = "/k" },
    { submenu = "more", entries = { { title = "Broken" } } },
  },
}
