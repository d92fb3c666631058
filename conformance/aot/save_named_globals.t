-- A global created with a name is an external symbol of saved files, so a
-- file saved separately reaches it through an extern global of that name.
-- A file may hold only globals, and a table of exports may name globals.
local C = terralib.includec("stdio.h")

local total = global(int64, 1000, "shared_total")
local total_ext = global(int64, nil, "shared_total", true)
local label = global(rawstring, "count")

terra add(n : int64) : int64
  total = total + n
  return total
end
local add_ext = terralib.externfunction("add", {int64} -> int64)

terra main() : int
  add_ext(5)
  total_ext = total_ext + 1
  C.printf("%s %lld %lld\n", [terralib.global(rawstring, nil, "exported_label", true)], add_ext(10), total_ext)
  return 0
end

local dir = os.tmpname()
os.remove(dir)
os.execute("mkdir " .. dir)
terralib.saveobj(dir .. "/add.o", {add = add})
terralib.saveobj(dir .. "/data.o", {exported_label = label})
terralib.saveobj(dir .. "/empty.o", {})
local syms = io.popen("nm " .. dir .. "/data.o"):read("*a")
print("label exported", syms:find(" D exported_label", 1, true) ~= nil)
terralib.saveobj(dir .. "/main.o", {main = main})
terralib.saveobj(dir .. "/prog", "executable", {}, {dir .. "/main.o", dir .. "/add.o", dir .. "/data.o", dir .. "/empty.o"})
local p = io.popen(dir .. "/prog")
io.write(p:read("*a"))
p:close()
os.execute("rm -r " .. dir)
