-- vecsort: push 10M pseudo-random doubles into a cpp.vector (no
-- reserve) and cpp.sort them; print a few order statistics.
local cpp = require "cpp"
local C = terralib.includec("stdio.h")
local T = terralib.includec("time.h")

terra now() : double
  var ts : T.timespec
  T.clock_gettime(T.CLOCK_THREAD_CPUTIME_ID, &ts)
  return ts.tv_sec + ts.tv_nsec * 1e-9
end

local vector = cpp.vector(double)

terra main() : int
  var n = 10000000
  var t0 = now()
  var v : vector
  var x : uint64 = 88172645463325252ULL
  for i = 0, n do
    x = x ^ (x << 13)
    x = x ^ (x >> 7)
    x = x ^ (x << 17)
    v:push([double](x >> 11) * (1.0 / 9007199254740992.0))
  end
  cpp.sort(v)
  var sample = 0.0
  for i = 0, v:size(), 1000 do sample = sample + v(i) end
  var sorted = 1
  for i = 1, v:size() do
    if v(i) < v(i - 1) then sorted = 0; break end
  end
  C.printf("time %.6f\n", now() - t0)
  C.printf("n %zu sorted %d\n", v:size(), sorted)
  C.printf("min %.17g max %.17g median %.17g\n", v(0), v(v:size() - 1), v(v:size() / 2))
  C.printf("sample sum %.17g\n", sample)
  return 0
end

main()
