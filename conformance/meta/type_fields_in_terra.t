-- In Terra code, a field of a type that is not a struct (T.type, T.N)
-- is read from the type's Lua fields when the code is specialized.
local A = int[3]
local V = vector(float, 4)
local P = &double
terra f()
  var a : A.type[A.N]
  a[2] = 5
  return a[2] + A.N + sizeof(V.type)
end
print(f())
terra g() var x : P.type = 1.5 return x end
print(g())
-- a quote of a parameter can be typed while its function is built
terra h(x : A)
  escape
    local q = `x[1]
    print(q:gettype())
  end
  return x[1]
end
print(h({ 1, 2, 3 }))
