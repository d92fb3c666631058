-- image.pipe joins programs with pipes (no temp files); stdin/stdout name
-- files; the status is the rightmost failure's, as with set -o pipefail.
local image = require "image"
local dir = os.tmpname()
os.remove(dir)
image.exec{ "mkdir", dir }
local out = dir .. "/sorted.txt"
print(image.exec(image.pipe{ { "printf", "b\\na\\nc\\n" }, { "sort" }, { "tr", "a-z", "A-Z" }, stdout = out }))
print((io.open(out):read("*a"):gsub("\n", " ")))
print(image.exec{ "tr", "A-Z", "a-z", stdin = out, stdout = dir .. "/lower.txt" })
print((io.open(dir .. "/lower.txt"):read("*a"):gsub("\n", " ")))
print(image.exec(image.pipe{ { "false" }, { "cat" }, check = false }))
print(image.exec(image.pipe{ { "sh", "-c", "exit 3" }, { "sh", "-c", "cat; exit 0" }, check = false }))
print(image.exec(image.pipe{ { "sh", "-c", "exit 3" }, { "sh", "-c", "exit 4" }, check = false }))
print(image.exec(image.pipe{ { "cat" }, { "no-such-program-here" }, check = false }))
print(image.exec(image.pipe{ { "sleep", "5" }, { "cat" }, timeout = 0.2, check = false }))
print(image.exec(image.pipe{ image.sh"echo one; echo two", { "wc", "-l" }, stdout = dir .. "/n" }))
print((io.open(dir .. "/n"):read("*a"):gsub("%s", "")))
print(pcall(image.exec, image.pipe{ { "true" }, { "sh", "-c", "exit 4" } }))
print(pcall(image.pipe, { { "true" }, "false" }))
image.exec{ "rm", "-r", dir }
