-- Saved files keep globals whose values are addresses: a string, another
-- global, a function, a table of functions and a struct mixing them. The
-- executable runs on its own and prints the same as the JIT.
local C = terralib.includec("stdio.h")

terra twice(x : int) return 2 * x end
terra thrice(x : int) return 3 * x end

local greeting = global(rawstring, "hello from a global")
local base = global(int, 20)
local baseptr = global(&int, `&base)
local ops = constant(`arrayof([{int} -> int], twice, thrice))
struct Entry { label : rawstring; op : {int} -> int; next : &Entry }
local last = global(Entry, `Entry { "last", thrice, nil })
local first = global(Entry, `Entry { "first", twice, &last })

terra main() : int
  C.printf("%s\n", greeting)
  C.printf("%d %d %d\n", @baseptr, ops[0](@baseptr), ops[1](4))
  var e = &first
  while e ~= nil do
    C.printf("%s %d\n", e.label, e.op(10))
    e = e.next
  end
  return 0
end

main()
local exe = os.tmpname()
terralib.saveobj(exe, "executable", {main = main})
local p = io.popen(exe)
io.write(p:read("*a"))
p:close()
os.remove(exe)
