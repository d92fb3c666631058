-- matmul: blocked single-precision C = A * B (n x n, row-major) with
-- 8-wide float vectors: a 4 x 16 register tile, k blocked for L2.
local C = terralib.includec("stdio.h")
local T = terralib.includec("time.h")
local S = terralib.includec("stdlib.h")

terra now() : double
  var ts : T.timespec
  T.clock_gettime(T.CLOCK_THREAD_CPUTIME_ID, &ts)
  return ts.tv_sec + ts.tv_nsec * 1e-9
end

local N = 1536
local KB = 256
local v8 = vector(float, 8)

terra matmul(n : int, a : &float, b : &float, c : &float)
  for kk = 0, n, KB do
    for i = 0, n, 4 do
      for j = 0, n, 16 do
        var c00, c01 = @[&v8](&c[(i + 0) * n + j]), @[&v8](&c[(i + 0) * n + j + 8])
        var c10, c11 = @[&v8](&c[(i + 1) * n + j]), @[&v8](&c[(i + 1) * n + j + 8])
        var c20, c21 = @[&v8](&c[(i + 2) * n + j]), @[&v8](&c[(i + 2) * n + j + 8])
        var c30, c31 = @[&v8](&c[(i + 3) * n + j]), @[&v8](&c[(i + 3) * n + j + 8])
        for k = kk, kk + KB do
          var b0, b1 = @[&v8](&b[k * n + j]), @[&v8](&b[k * n + j + 8])
          var a0, a1 = a[(i + 0) * n + k], a[(i + 1) * n + k]
          var a2, a3 = a[(i + 2) * n + k], a[(i + 3) * n + k]
          c00 = c00 + a0 * b0
          c01 = c01 + a0 * b1
          c10 = c10 + a1 * b0
          c11 = c11 + a1 * b1
          c20 = c20 + a2 * b0
          c21 = c21 + a2 * b1
          c30 = c30 + a3 * b0
          c31 = c31 + a3 * b1
        end
        @[&v8](&c[(i + 0) * n + j]), @[&v8](&c[(i + 0) * n + j + 8]) = c00, c01
        @[&v8](&c[(i + 1) * n + j]), @[&v8](&c[(i + 1) * n + j + 8]) = c10, c11
        @[&v8](&c[(i + 2) * n + j]), @[&v8](&c[(i + 2) * n + j + 8]) = c20, c21
        @[&v8](&c[(i + 3) * n + j]), @[&v8](&c[(i + 3) * n + j + 8]) = c30, c31
      end
    end
  end
end

terra main() : int
  var a = [&float](S.aligned_alloc(32, N * N * sizeof(float)))
  var b = [&float](S.aligned_alloc(32, N * N * sizeof(float)))
  var c = [&float](S.aligned_alloc(32, N * N * sizeof(float)))
  for i = 0, N * N do
    a[i] = [float](i % 17) * 0.125f
    b[i] = [float](i % 13) * 0.25f - 1.0f
    c[i] = 0
  end
  var t0 = now()
  matmul(N, a, b, c)
  C.printf("time %.6f\n", now() - t0)
  var s = 0.0
  for i = 0, N * N do s = s + c[i] * [double](i % 7) end
  C.printf("%.6e\n", s)
  S.free(a)
  S.free(b)
  S.free(c)
  return 0
end

main()
