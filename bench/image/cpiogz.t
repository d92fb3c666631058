-- The archive side of the image benchmark: a cpio newc archive, gzip -6,
-- of the files listed in $LIST (one path per line, relative to $ROOT,
-- directories ending in "/"), written to $OUT. Without $OUT the script
-- only describes the archive, for `terrac build`, whose main writes to
-- argv[1].
local image = require "image"
local list, root, out = os.getenv("LIST"), os.getenv("ROOT"), os.getenv("OUT")
local t = image.tree{ mtime = 0 }
for path in io.lines(list) do
  if path:sub(-1) == "/" then
    t:dir(path:sub(1, -2))
  else
    t:file(path, { host = root .. "/" .. path })
  end
end
local a = image.cpio{ tree = t, compress = "gzip", level = 6 }
if out then a:write(out) end
terra main(argc : int, argv : &rawstring) : int
  return a.writer(argv[1])
end
