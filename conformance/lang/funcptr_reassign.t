-- function pointers are values: reassignable and callable
terra add(a : int, b : int) : int return a + b end
terra mul(a : int, b : int) : int return a * b end
terra apply(f : {int, int} -> int, a : int, b : int) : int return f(a, b) end
terra run() : int
  var f : {int, int} -> int = add
  var r = f(3, 4)
  f = mul
  return r * 100 + f(3, 4) + apply(add, 1, 1) * 0
end
print(run())
terra pick(k : int) : {int, int} -> int
  if k == 0 then return add end
  return mul
end
terra run2() : int return pick(0)(5, 6) + pick(1)(5, 6) end
print(run2())
