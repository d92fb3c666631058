-- A statement may start with @ right after a type annotation or an
-- expression statement: @ never continues an expression.
terra touch() end
terra set(p : &int) : {}
  @p = 1
end
terra f(p : &int) : {}
  set(p)
  touch()
  @p = @p + 2
  var a : int[2] @&a[0] = 4
  var b : int @p = @p + a[0]
end
local x = terralib.new(int[1], { 0 })
f(x)
print(x[0])
