-- When no conversion applies, the errors raised inside __cast
-- metamethods are reported as notes at the Lua lines that raised them;
-- casts tried speculatively by overload resolution report nothing.
struct A { x : int }
A.metamethods.__cast = function(from, to, exp)
  if to == double then
    return `[double](exp.x) + 0.5
  end
  error("A converts only to double, not " .. tostring(to))
end
local pick = terralib.overloadedfunction("pick", {
  terra(x : int) return 1.0 end,
  terra(x : double) return x end,
})
terra ok() var a = A { 3 }; return pick(a) end
print(ok())
terra bad(a : A) : int
  return a
end
bad:compile()
