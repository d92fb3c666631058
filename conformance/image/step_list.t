-- --list and --dry-run say what a build would do without doing it; the
-- order puts producers first whatever order the steps are listed in.
local image = require "image"
local dir = "/nonexistent/step_list"
local gz = image.step{ name = "gz", inputs = { "step_list.t" }, outputs = { dir .. "/list.gz" },
  run = { "gzip", "-9n", "-c", image.input(1), stdout = image.output(1) } }
local count = image.step{ name = "count", inputs = { gz }, outputs = { dir .. "/count.txt" },
  run = image.pipe{ { "gzip", "-dc", image.input(1) }, { "wc", "-l" }, stdout = image.output(1) } }
local both = image.step{ name = "both", inputs = { count, gz, "step_list.t" }, outputs = { dir .. "/a", dir .. "/b" },
  run = function(s) end }
local g = image.graph{ both, count, gz, dir = dir }
for i, s in ipairs(g.steps) do print(i, s.name, table.concat(s.paths, " ")) end
print(g:run{ "--list" })
print(g:run{ "--dry-run" })
-- the same definition gives the same key material; a changed argv does not
local gz2 = image.step{ name = "gz", inputs = { "step_list.t" }, outputs = { dir .. "/list.gz" },
  run = { "gzip", "-9n", "-c", image.input(1), stdout = image.output(1) } }
local gz3 = image.step{ name = "gz", inputs = { "step_list.t" }, outputs = { dir .. "/list.gz" },
  run = { "gzip", "-1n", "-c", image.input(1), stdout = image.output(1) } }
local d1, d2, d3 = image.graph{ gz, dir = dir }.steps[1].def, image.graph{ gz2, dir = dir }.steps[1].def,
  image.graph{ gz3, dir = dir }.steps[1].def
print(d1 == d2, d1 == d3)
print(image.sha256(""), image.sha256("abc"))
-- a table constructor ending in name = f() keeps f's result out of the array part
print(#{ "a", stdout = image.output(1) })
