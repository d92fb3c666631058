-- conv (staged): a 5x5 convolution of a float image, repeated. Lua
-- generates the pixel loop's body from the kernel: fully unrolled, the
-- weights as constants and the zero taps dropped. conv.c is the
-- straightforward C that reads the kernel in its inner loops.
local C = terralib.includec("stdio.h")
local T = terralib.includec("time.h")
local S = terralib.includec("stdlib.h")

terra now() : double
  var ts : T.timespec
  T.clock_gettime(T.CLOCK_THREAD_CPUTIME_ID, &ts)
  return ts.tv_sec + ts.tv_nsec * 1e-9
end

local W, H, ITERS = 2048, 2048, 10

local kernel = {
  { 0,  0, -1,  0,  0},
  { 0, -1, -2, -1,  0},
  {-1, -2, 16, -2, -1},
  { 0, -1, -2, -1,  0},
  { 0,  0, -1,  0,  0},
}

-- makeconv stages a convolution for kernel k: one expression summing the
-- nonzero taps, each a constant times a neighbour of in[y * w + x].
local function makeconv(k)
  local ks = #k
  local r = math.floor(ks / 2)
  return terra(w : int, h : int, input : &float, output : &float)
    for y = r, h - r do
      for x = r, w - r do
        var p = input + y * w + x
        var s : float = 0.0f
        escape
          for ky = 1, ks do
            for kx = 1, ks do
              local c = k[ky][kx]
              if c ~= 0 then
                local off = (ky - 1 - r)
                local dx = kx - 1 - r
                emit quote s = s + [float](c) * p[off * w + dx] end
              end
            end
          end
        end
        output[y * w + x] = s * 0.125f
      end
    end
  end
end

local conv = makeconv(kernel)

terra main() : int
  var a = [&float](S.calloc(W * H, sizeof(float)))
  var b = [&float](S.calloc(W * H, sizeof(float)))
  for i = 0, W * H do a[i] = [float]((i * 31) % 255) / 255.0f end
  var t0 = now()
  for it = 0, ITERS do
    conv(W, H, a, b)
    a, b = b, a
  end
  C.printf("time %.6f\n", now() - t0)
  var s = 0.0
  for i = 0, W * H do s = s + a[i] * [double](i % 5) end
  C.printf("%.6e\n", s)
  S.free(a)
  S.free(b)
  return 0
end

main()
