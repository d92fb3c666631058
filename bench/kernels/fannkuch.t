-- fannkuch-redux: flips of pancake stacks over all permutations of 1..n
-- (after the Benchmarks Game), single-threaded.
local C = terralib.includec("stdio.h")
local T = terralib.includec("time.h")

terra now() : double
  var ts : T.timespec
  T.clock_gettime(T.CLOCK_THREAD_CPUTIME_ID, &ts)
  return ts.tv_sec + ts.tv_nsec * 1e-9
end

local N = 10

terra fannkuch(n : int, checksum : &int) : int
  var perm : int[16]
  var perm1 : int[16]
  var count : int[16]
  var maxflips, sum, permcount = 0, 0, 0
  for i = 0, n do perm1[i] = i end
  var r = n
  while true do
    while r ~= 1 do
      count[r - 1] = r
      r = r - 1
    end
    for i = 0, n do perm[i] = perm1[i] end
    var flips = 0
    var k = perm[0]
    while k ~= 0 do
      var i, j = 0, k
      while i < j do
        var t = perm[i]
        perm[i] = perm[j]
        perm[j] = t
        i = i + 1
        j = j - 1
      end
      flips = flips + 1
      k = perm[0]
    end
    if flips > maxflips then maxflips = flips end
    if permcount % 2 == 0 then sum = sum + flips else sum = sum - flips end
    while true do
      if r == n then
        @checksum = sum
        return maxflips
      end
      var p0 = perm1[0]
      for i = 0, r do perm1[i] = perm1[i + 1] end
      perm1[r] = p0
      count[r] = count[r] - 1
      if count[r] > 0 then break end
      r = r + 1
    end
    permcount = permcount + 1
  end
end

terra main() : int
  var t0 = now()
  var checksum : int
  var m = fannkuch(N, &checksum)
  C.printf("time %.6f\n", now() - t0)
  C.printf("%d\nPfannkuchen(%d) = %d\n", checksum, N, m)
  return 0
end

main()
