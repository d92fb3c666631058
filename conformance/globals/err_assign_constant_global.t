-- A global declared constant (fifth argument of global) is read-only
-- in Terra code, while an ordinary global stays assignable.
local g = global(int, 5, "cg", false, true)
local h = global(int, 1, "hg")
terra ok()
  h = h + g
  return h
end
print(ok())
terra bad(v : int)
  h, g = v, v
end
bad:compile()
