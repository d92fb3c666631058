-- The terra command (terralib.terrahome.."/bin/terra") takes Terra's
-- options: -e runs a chunk, -g sets terralib.isdebug, -v isverbose, a
-- script gets its arguments in ... and arg (the command and options take
-- arg's negative indices), "-" reads the script from standard input, and
-- -h or an unknown option prints the usage and fails.
local terra_cmd = terralib.terrahome .. "/bin/terra"

local function run(args)
  local p = io.popen(terra_cmd .. " " .. args .. " 2>&1")
  local out = p:read("*a")
  p:close()
  return out, os.execute(terra_cmd .. " " .. args .. " >/dev/null 2>&1") == 0
end

print((run("-e 'print(1 + 2)'")))
print((run("-e 'terra f(x : int) return x * 2 end print(f(21))'")))
print((run("-g -e 'print(terralib.isdebug)'")))
print((run("-g -g -v -e 'print(terralib.isdebug, terralib.isverbose)'")))
print((run("-e 'x = 5' -e 'print(x + 1)'")))

local f = io.open("terra_command_script.t", "w")
f:write("print(select('#', ...), ...)\nprint(arg[0], arg[1], (arg[-1]:match('[^/]*$')))\n")
f:close()
print((run("-g terra_command_script.t a b")))
print((run("- x < terra_command_script.t")))
os.remove("terra_command_script.t")

local usage, ok = run("-h")
print(usage:match("^terra %[OPTIONS%]") ~= nil, ok)
local bad, ok2 = run("-Z")
print(bad:match("unknown option") ~= nil, ok2)
local err, ok3 = run("-e 'error(\"stop here\")'")
print(err:match("stop here") ~= nil, ok3)
