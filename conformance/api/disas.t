-- f:disas() prints "definition <type>" and the machine code at f's
-- address on stdout, f's optimized LLVM IR on stderr; f:printstats()
-- compiles f and prints its definition line with statistics under it;
-- terralib.disas disassembles any number of instructions at an address.
-- Addresses vary from run to run, so a child prints and this checks.
local child = [[
terra add1(a : double) return a + a end
add1:disas()
add1:printstats()
terralib.disas(terralib.cast(&opaque, add1:getpointer()), 0, 1)
]]
local f = io.open("disas_child.t", "w")
f:write(child)
f:close()
local function run(redirect)
  local p = io.popen(terralib.terrahome .. "/bin/terrac disas_child.t " .. redirect)
  local out = p:read("*a")
  p:close()
  return out
end
local out = run("2>/dev/null")
local err = run("2>&1 >/dev/null")
os.remove("disas_child.t")
-- Instructions depend on the CPU: keep their shape only.
out = out:gsub("0x%x+", "ADDR"):gsub("\tcompile\t[%d.e-]+", "\tcompile\tTIME")
out = out:gsub("%(%+%d+%):\t\t[^\n]*", "(+N):\t\tINSN")
io.write(out)
print(err:match("define double @[^(]*%(double %%a%)") ~= nil, err:match("fadd double") ~= nil)
