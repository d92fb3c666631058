-- dumpmodule writes the IR of everything compiled so far to stderr; the
-- JIT compilation unit is there for code that names it.
terra f() return 1 end
f:compile()
terralib.dumpmodule()
terralib.dumpmodule(terralib.jitcompilationunit.llvm_cu)
print(type(terralib.jitcompilationunit), terralib.jitcompilationunit.llvm_cu ~= nil)
print(f())
