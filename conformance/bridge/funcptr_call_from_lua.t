-- Function pointers are callable from Lua.
terra add(a : int, b : int) : int return a + b end
terra pick(n : int) : {int, int} -> int
  if n == 0 then return add end
  return nil
end
local fp = add:getpointer()
print(fp(2, 3), terralib.typeof(fp), pick(0)(10, 20), pick(1))
