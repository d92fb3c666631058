-- Template functions: explicit instances f(T) and deduction from the
-- argument types; constraints are checked per instance.
import "cpp"
local C = terralib.includec("stdio.h")

template(T : "__lt") terra maximum(a : T, b : T) : T
  if a < b then return b end
  return a
end

template(T, U) terra pairsum(a : T, b : U) : double
  return a + b
end

terra main()
  C.printf("%d %g %g\n", maximum(int)(3, 9), maximum(2.5, -1.0), pairsum(1, 2.5))
  C.printf("%d\n", maximum([int8](3), [int8](4)))
end
print(maximum(int) == maximum(int), maximum(int) ~= maximum(double))
main()
