-- Libraries loaded with terralib.linklibrary are linked into executables
-- that saveobj makes, so their functions resolve there too.
local dir = os.tmpname()
os.remove(dir)
os.execute("mkdir " .. dir)

terra triple(x : int) : int return 3 * x end
terralib.saveobj(dir .. "/libtriple.so", "sharedlibrary", {triple = triple})
terralib.linklibrary(dir .. "/libtriple.so")

local L = terralib.includecstring [[ int triple(int); ]]
local C = terralib.includec("stdio.h")
terra main() : int
  C.printf("triple %d\n", L.triple(14))
  return 0
end
print("jit", L.triple(2))
terralib.saveobj(dir .. "/prog", "executable", {main = main})
local p = io.popen(dir .. "/prog")
io.write(p:read("*a"))
p:close()
os.execute("rm -r " .. dir)
