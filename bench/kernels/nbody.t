-- n-body: five planets, symplectic Euler steps (after the Benchmarks Game).
local C = terralib.includec("stdio.h")
local T = terralib.includec("time.h")
local M = terralib.includec("math.h")

terra now() : double
  var ts : T.timespec
  T.clock_gettime(T.CLOCK_THREAD_CPUTIME_ID, &ts)
  return ts.tv_sec + ts.tv_nsec * 1e-9
end

local NB = 5
local PI = 3.141592653589793
local SOLAR_MASS = 4 * PI * PI
local DAYS = 365.24

struct Body { x : double; y : double; z : double; vx : double; vy : double; vz : double; mass : double }

terra advance(b : &Body, n : int, dt : double)
  for s = 0, n do
    for i = 0, NB do
      for j = i + 1, NB do
        var dx, dy, dz = b[i].x - b[j].x, b[i].y - b[j].y, b[i].z - b[j].z
        var d2 = dx * dx + dy * dy + dz * dz
        var mag = dt / (d2 * M.sqrt(d2))
        b[i].vx = b[i].vx - dx * b[j].mass * mag
        b[i].vy = b[i].vy - dy * b[j].mass * mag
        b[i].vz = b[i].vz - dz * b[j].mass * mag
        b[j].vx = b[j].vx + dx * b[i].mass * mag
        b[j].vy = b[j].vy + dy * b[i].mass * mag
        b[j].vz = b[j].vz + dz * b[i].mass * mag
      end
    end
    for i = 0, NB do
      b[i].x = b[i].x + dt * b[i].vx
      b[i].y = b[i].y + dt * b[i].vy
      b[i].z = b[i].z + dt * b[i].vz
    end
  end
end

terra energy(b : &Body) : double
  var e = 0.0
  for i = 0, NB do
    e = e + 0.5 * b[i].mass * (b[i].vx * b[i].vx + b[i].vy * b[i].vy + b[i].vz * b[i].vz)
    for j = i + 1, NB do
      var dx, dy, dz = b[i].x - b[j].x, b[i].y - b[j].y, b[i].z - b[j].z
      e = e - b[i].mass * b[j].mass / M.sqrt(dx * dx + dy * dy + dz * dz)
    end
  end
  return e
end

terra offset(b : &Body)
  var px, py, pz = 0.0, 0.0, 0.0
  for i = 0, NB do
    px = px + b[i].vx * b[i].mass
    py = py + b[i].vy * b[i].mass
    pz = pz + b[i].vz * b[i].mass
  end
  b[0].vx = -px / SOLAR_MASS
  b[0].vy = -py / SOLAR_MASS
  b[0].vz = -pz / SOLAR_MASS
end

terra main() : int
  var b : Body[NB]
  b[0] = Body { 0, 0, 0, 0, 0, 0, SOLAR_MASS }
  b[1] = Body { 4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
       1.66007664274403694e-03 * DAYS, 7.69901118419740425e-03 * DAYS, -6.90460016972063023e-05 * DAYS,
       9.54791938424326609e-04 * SOLAR_MASS }
  b[2] = Body { 8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
       -2.76742510726862411e-03 * DAYS, 4.99852801234917238e-03 * DAYS, 2.30417297573763929e-05 * DAYS,
       2.85885980666130812e-04 * SOLAR_MASS }
  b[3] = Body { 1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
       2.96460137564761618e-03 * DAYS, 2.37847173959480950e-03 * DAYS, -2.96589568540237556e-05 * DAYS,
       4.36624404335156298e-05 * SOLAR_MASS }
  b[4] = Body { 1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
       2.68067772490389322e-03 * DAYS, 1.62824170038242295e-03 * DAYS, -9.51592254519715870e-05 * DAYS,
       5.15138902046611451e-05 * SOLAR_MASS }
  offset(&b[0])
  var t0 = now()
  var e0 = energy(&b[0])
  advance(&b[0], 10000000, 0.01)
  var e1 = energy(&b[0])
  C.printf("time %.6f\n", now() - t0)
  C.printf("%.9f\n%.9f\n", e0, e1)
  return 0
end

main()
