-- spectral-norm: power iteration for the largest singular value of the
-- infinite matrix A(i,j) = 1/((i+j)(i+j+1)/2+i+1) (after the Benchmarks Game).
local C = terralib.includec("stdio.h")
local T = terralib.includec("time.h")
local M = terralib.includec("math.h")
local S = terralib.includec("stdlib.h")

terra now() : double
  var ts : T.timespec
  T.clock_gettime(T.CLOCK_THREAD_CPUTIME_ID, &ts)
  return ts.tv_sec + ts.tv_nsec * 1e-9
end

local N = 2000

terra A(i : int, j : int) : double
  return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1)
end

terra mulAv(n : int, v : &double, av : &double)
  for i = 0, n do
    var s = 0.0
    for j = 0, n do s = s + A(i, j) * v[j] end
    av[i] = s
  end
end

terra mulAtv(n : int, v : &double, atv : &double)
  for i = 0, n do
    var s = 0.0
    for j = 0, n do s = s + A(j, i) * v[j] end
    atv[i] = s
  end
end

terra mulAtAv(n : int, v : &double, out : &double, tmp : &double)
  mulAv(n, v, tmp)
  mulAtv(n, tmp, out)
end

terra main() : int
  var u = [&double](S.malloc(N * sizeof(double)))
  var v = [&double](S.malloc(N * sizeof(double)))
  var tmp = [&double](S.malloc(N * sizeof(double)))
  var t0 = now()
  for i = 0, N do u[i] = 1 end
  for i = 0, 10 do
    mulAtAv(N, u, v, tmp)
    mulAtAv(N, v, u, tmp)
  end
  var vBv, vv = 0.0, 0.0
  for i = 0, N do
    vBv = vBv + u[i] * v[i]
    vv = vv + v[i] * v[i]
  end
  var r = M.sqrt(vBv / vv)
  C.printf("time %.6f\n", now() - t0)
  C.printf("%.9f\n", r)
  S.free(u)
  S.free(v)
  S.free(tmp)
  return 0
end

main()
