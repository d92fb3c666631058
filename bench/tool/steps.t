-- A ten-step image.step graph for the rebuild benchmark (bench/steps.go):
-- the harness builds it once, then times rebuilds with nothing changed,
-- through terrac and as a builder compiled by `terrac build`. big.bin is
-- 64 MB so that rehashing it instead of trusting its stamp would show.
local image = require "image"
local C = terralib.includec("stdio.h")
local terra lines(c : &image.StepCtx) : int
  var i = C.fopen(c.inputs[0], "r")
  var o = C.fopen(c.outputs[0], "w")
  if i == nil or o == nil then return 1 end
  var n = 0
  while true do
    var ch = C.fgetc(i)
    if ch < 0 then break end
    if ch == 10 then n = n + 1 end
  end
  C.fprintf(o, "%d\n", n)
  C.fclose(i)
  C.fclose(o)
  return 0
end
local s = {}
s[1] = image.step{ name = "copy", inputs = { "big.bin" }, outputs = { "out/big.copy" },
  run = { "cp", image.input(1), image.output(1) } }
s[2] = image.step{ name = "head", inputs = { s[1] }, outputs = { "out/head.bin" },
  run = { "head", "-c", "4096", image.input(1), stdout = image.output(1) } }
s[3] = image.step{ name = "upper", inputs = { "src.txt" }, outputs = { "out/upper.txt" },
  run = image.pipe{ { "cat", image.input(1) }, { "tr", "a-z", "A-Z" }, stdout = image.output(1) } }
s[4] = image.step{ name = "sorted", inputs = { s[3] }, outputs = { "out/sorted.txt" },
  run = { "sort", image.input(1), stdout = image.output(1) } }
s[5] = image.step{ name = "lines", inputs = { s[4] }, outputs = { "out/lines.txt" }, run = lines }
s[6] = image.step{ name = "gz", inputs = { s[4] }, outputs = { "out/sorted.gz" },
  run = { "gzip", "-9n", "-c", image.input(1), stdout = image.output(1) } }
s[7] = image.step{ name = "cat", inputs = { s[2], s[5], s[6] }, outputs = { "out/all.bin" },
  run = { "cat", image.input(1), image.input(2), image.input(3), stdout = image.output(1) } }
s[8] = image.step{ name = "sum", inputs = { s[7] }, outputs = { "out/sum.txt" },
  run = { "cksum", image.input(1), stdout = image.output(1) } }
s[9] = image.step{ name = "words", inputs = { s[3] }, outputs = { "out/words.txt" },
  run = image.pipe{ { "tr", "-s", " ", "\n" }, { "sort", "-u" }, stdin = image.input(1), stdout = image.output(1) } }
s[10] = image.step{ name = "final", inputs = { s[8], s[9] }, outputs = { "final.txt" },
  run = { "cat", image.input(1), image.input(2), stdout = image.output(1) } }
local g = image.graph{ s[10], dir = "build" }
if os.getenv("BUILD_NOW") then os.exit(g:run()) end
main = g.main
