-- The JIT compilation unit exists (its llvm_cu field) but cannot be saved:
-- terrac's JIT keeps one module per compile batch. Saving named functions
-- works as usual.
terra twice(x : int) return 2 * x end
print(terralib.jitcompilationunit.llvm_cu ~= nil)
local ok, msg = pcall(function()
  return terralib.jitcompilationunit:saveobj(nil, "llvmir", {}, false)
end)
print(ok, (msg:gsub("^[^:]*:%d+: ", "")))
local ir = terralib.saveobj(nil, "llvmir", { twice = twice })
print(ir:match("define[^\n]*@twice") ~= nil)
