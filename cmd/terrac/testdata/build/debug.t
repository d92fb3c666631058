local C = terralib.includec("stdio.h")

terra twice(x : int) : int
  var y = x * 2
  return y
end

terra main() : int
  var r = twice(21)
  C.printf("%d\n", r)
  return 0
end
