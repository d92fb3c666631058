-- image: OS image and firmware builds scripted in the Lua stage, with the
-- byte work (archives, partition tables, filesystems) done by Terra code so
-- that `terrac build` turns a build script into a native program. This is
-- the module `require "image"` returns; its parts live in the other files of
-- this folder and are loaded on first use.
local image = {}

-- Parts kept in their own modules, loaded when a program first names them:
-- image.NAME comes from module image.FILE's field NAME.
local lazy = {
  sparse = "image.disk",
  mbr = "image.mbr",
  gpt = "image.gpt",
  fat = "image.fat",
  place = "image.disk",
  patch = "image.disk",
  align = "image.disk",
  tree = "image.tree",
  istree = "image.tree",
  exec = "image.exec",
  kconfig = "image.textedit",
  shquote = "image.rootfs",
  elfinfo = "image.elf",
  cpio = "image.archive",
  tar = "image.archive",
  compress = "image.compress",
  read = "image.extract",
  extract = "image.extract",
  ext4 = "image.ext4",
  grubcfg = "image.boot",
  cmdline = "image.boot",
  grub = "image.boot",
  systemd_boot = "image.boot",
  isolinux = "image.boot",
  textfile = "image.boot",
  iso = "image.iso",
  pipe = "image.execspec",
  sh = "image.execspec",
  step = "image.steps",
  graph = "image.steps",
  build = "image.steps",
  input = "image.steps",
  output = "image.steps",
  StepCtx = "image.steps",
  isstep = "image.steps",
  sha256 = "image.sha256",
  sha256file = "image.sha256",
}

setmetatable(image, {
  __index = function(t, k)
    local m = lazy[k]
    if m == nil then return nil end
    local v = require(m)[k]
    rawset(t, k, v)
    return v
  end,
})

return image
