-- bench/image/fat.t: a FAT32 image of the generated benchmark tree, written
-- by image.fat. The tree's file list comes from the harness as a Lua file
-- (BENCH_TREE_LIST): { {path = ..., host = ...} or {path = ..., dir = true} }.
-- Run by terrac, it writes the image given as arg[1]; built with
-- `terrac build`, the layout is baked in and the executable writes argv[1].
local image = require "image"
local list = assert(os.getenv("BENCH_TREE_LIST"), "set BENCH_TREE_LIST")
local fs = image.fat{ fat = 32, size = "512M", label = "BENCH", seed = "bench", files = dofile(list) }
if arg and arg[1] then fs:write(arg[1]) end
terra main(argc : int, argv : &rawstring) : int
  if argc < 2 then return 2 end
  return fs.writer(argv[1], 0, true)
end
