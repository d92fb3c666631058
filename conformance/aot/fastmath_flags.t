-- saveobj's fastmath option puts fast-math flags on floating-point
-- operations: true for all of them, a flag name, or a list of names (the IR
-- lists them in LLVM's own order).
terra mul(a : float, b : float) return a * b end

local function flags(opt)
  local ir = terralib.saveobj(nil, "llvmir", {mul = mul}, nil, nil, opt)
  return "[" .. ir:match("fmul ([%a ]-) ?float") .. "]"
end

print(flags(nil))
print(flags({fastmath = false}))
print(flags({fastmath = true}))
print(flags({fastmath = "nsz"}))
print(flags({fastmath = {"contract", "nnan", "arcp"}}))
print(flags({fastmath = {}}))
print(pcall(flags, {fastmath = "quick"}))
