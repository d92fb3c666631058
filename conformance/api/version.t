-- terralib describes the toolchain: version strings and numbers, the
-- installation prefix, and the flags the command was started with.
print(type(terralib.version), #terralib.version > 0)
print(type(terralib.llvm_version), terralib.llvm_version >= 100, terralib.llvm_version % 1 == 0)
print(terralib.llvmversion == terralib.llvm_version)
print(type(terralib.terrahome), #terralib.terrahome > 0)
print(terralib.isdebug, terralib.isverbose)
-- terralib.executable (terrac's own) is the running binary's absolute path,
-- in terrahome's bin directory, so a Lua stage can run `terrac build`.
local exe = terralib.executable
print(exe:sub(1, 1) == "/", exe:match("^(.*)/bin/[^/]+$") == terralib.terrahome, io.open(exe, "rb") ~= nil)
