-- A plain Lua function cannot be called from Terra code.
local function helper(x) return x end
terra f() : int
  return helper(1)
end
f:compile()
