-- [e] evaluates a Lua expression; types in annotations are Lua expressions.
local T = int
local N = 4
terra f() : int
  var arr : T[N]
  for i = 0, [N] do arr[i] = [N * 10] + i end
  return arr[N - 1]
end
print(f())
