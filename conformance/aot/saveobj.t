-- terralib.saveobj: outputs returned as strings, export names, internal
-- helpers, fast-math, cross targets and an executable run through popen.
local C = terralib.includec("stdio.h")

terra sq(x : double) : double return x * x end
terra f(x : double) : double return sq(x) + 1.0 end

local ll = terralib.saveobj(nil, "llvmir", {area = f}, nil, nil, {OptLevel = 0})
print("exported as area", ll:find("define double @area(", 1, true) ~= nil)
print("helper internal", ll:find('define internal double @"sq', 1, true) ~= nil)
print("no fast flags", ll:find("fmul fast", 1, true) == nil)
local fast = terralib.saveobj(nil, "llvmir", {f = f}, nil, nil, {OptLevel = 0, FastMath = true})
print("fast flags", fast:find("fmul fast", 1, true) ~= nil)

local obj = terralib.saveobj(nil, "object", {f = f})
print("object", obj:sub(2, 4), obj:byte(19)) -- ELF, e_machine 62 = x86-64
local arm = terralib.saveobj(nil, "object", {f = f}, {}, terralib.newtarget{Triple = "aarch64-linux-gnu"})
print("aarch64 object", arm:sub(2, 4), arm:byte(19)) -- e_machine 183 = AArch64
print("bitcode", terralib.saveobj(nil, "bitcode", f):sub(1, 2))
print("asm", terralib.saveobj(nil, "asm", {f = f}):find("\nf:", 1, true) ~= nil)

terra main(argc : int, argv : &rawstring) : int
  C.printf("native %s %g\n", argv[1], f(3))
  return 0
end
local exe = os.tmpname()
terralib.saveobj(exe, "executable", {main = main})
local p = io.popen(exe .. " run")
io.write(p:read("*a"))
p:close()
os.remove(exe)
print("jit still works", f(2))
