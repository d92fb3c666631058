-- image.grub renders grub.cfg; the text parses back with image.grubcfg.
local image = require "image"
local cfg = image.grub{
  timeout = 5, default = "debian", serial = { unit = 1, speed = 9600 },
  entries = {
    { title = "Debian GNU/Linux", id = "debian", class = { "debian", "gnu-linux" },
      commands = { "insmod gzio", "insmod ext2" },
      linux = "/boot/vmlinuz-6.1.0-13-amd64", initrd = "/boot/initrd.img-6.1.0-13-amd64",
      args = { "root=UUID=6f1c7b0e ro quiet", "console=ttyS0,115200", quiet = false, label = "my disk" } },
    { submenu = "Advanced options", entries = {
      { title = "Recovery (it's safe)", linux = "/boot/vmlinuz", args = "single", efi = true, initrd = { "/boot/ucode.img", "/boot/initrd.img" } },
    } },
  },
}
io.write(cfg)
print("--")
local g = image.grubcfg.parse(cfg, "generated.cfg")
print(g:text() == cfg)
for _, e in ipairs(g:entries()) do
  print(e:kind(), e:title(), e:id(), e:kernel(), e:args(), table.concat(e:initrd(), ","))
end
print(image.grub{ entries = { { title = "t", linux = "/k" } } })
