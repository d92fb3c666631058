-- A C function-pointer typedef; C calls a Terra function through it.
local C = terralib.includecstring [[
typedef int (*binop)(int, int);
int fold(binop f, int *xs, int n, int init) { for (int i = 0; i < n; i++) init = f(init, xs[i]); return init; }
]]
terra add(a : int, b : int) : int return a + b end
terra mul(a : int, b : int) : int return a * b end
terra f()
  var xs : int[4]
  for i = 0, 4 do xs[i] = i + 1 end
  return C.fold(add, &xs[0], 4, 0) * 1000 + C.fold(mul, &xs[0], 4, 1)
end
print(f())
