-- mandelbrot: escape-time set membership over an n x n grid, 50 iterations,
-- bits packed 8 per byte as the Benchmarks Game's bitmap (checksummed here
-- instead of written out).
local C = terralib.includec("stdio.h")
local T = terralib.includec("time.h")

terra now() : double
  var ts : T.timespec
  T.clock_gettime(T.CLOCK_THREAD_CPUTIME_ID, &ts)
  return ts.tv_sec + ts.tv_nsec * 1e-9
end

local N = 4000

terra main() : int
  var t0 = now()
  var sum : uint64 = 0
  for y = 0, N do
    var ci = 2.0 * y / N - 1.0
    var bits : uint8 = 0
    for x = 0, N do
      var cr = 2.0 * x / N - 1.5
      var zr, zi, tr, ti = 0.0, 0.0, 0.0, 0.0
      var i = 0
      while i < 50 and tr + ti <= 4.0 do
        zi = 2.0 * zr * zi + ci
        zr = tr - ti + cr
        tr = zr * zr
        ti = zi * zi
        i = i + 1
      end
      bits = (bits << 1) or [uint8](tr + ti <= 4.0)
      if x % 8 == 7 then
        sum = sum * 31 + bits
        bits = 0
      end
    end
  end
  C.printf("time %.6f\n", now() - t0)
  C.printf("%lu\n", sum)
  return 0
end

main()
