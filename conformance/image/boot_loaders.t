-- systemd-boot loader files and isolinux.cfg.
local image = require "image"
local files = image.systemd_boot{
  timeout = 4, default = "debian", editor = false, console_mode = "max",
  entries = {
    { name = "debian", title = "Debian GNU/Linux", version = "6.1.0-13", linux = "/vmlinuz-6.1.0-13-amd64",
      initrd = { "/intel-ucode.img", "/initrd.img-6.1.0-13-amd64" }, options = "root=/dev/vda2 ro quiet" },
    { name = "shell", title = "EFI shell", efi = "/shellx64.efi" },
  },
}
for _, f in ipairs(files) do print("== " .. f.path) io.write(f.data) end
print("== minimal")
io.write(image.systemd_boot{ entries = { { name = "x", linux = "/k" } } }[2].data)
print("== isolinux.cfg")
io.write(image.isolinux{
  serial = true, timeout = 3, prompt = false, default = "rescue",
  labels = {
    { name = "linux", menu = "Linux", kernel = "/boot/vmlinuz", initrd = "/boot/initrd.img", append = "console=ttyS0,115200 quiet" },
    { name = "rescue", kernel = "/boot/vmlinuz", append = { "single", "console=ttyS0,115200" } },
  },
})
-- the files go into an ESP as they are
local esp = image.fat{ fat = 16, size = "8M", files = files }
print(esp.fat, esp.size)
