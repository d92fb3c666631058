/* mandelbrot: escape-time set membership over an n x n grid, 50 iterations,
   bits packed 8 per byte as the Benchmarks Game's bitmap (checksummed here
   instead of written out). */
#include "bench.h"

#define N 4000

int main(void) {
  double t0 = now();
  unsigned long sum = 0;
  for (int y = 0; y < N; y++) {
    double ci = 2.0 * y / N - 1.0;
    unsigned char bits = 0;
    for (int x = 0; x < N; x++) {
      double cr = 2.0 * x / N - 1.5;
      double zr = 0, zi = 0, tr = 0, ti = 0;
      int i = 0;
      while (i < 50 && tr + ti <= 4.0) {
        zi = 2.0 * zr * zi + ci;
        zr = tr - ti + cr;
        tr = zr * zr;
        ti = zi * zi;
        i++;
      }
      bits = (unsigned char)(bits << 1) | (tr + ti <= 4.0);
      if (x % 8 == 7) { sum = sum * 31 + bits; bits = 0; }
    }
  }
  report(t0);
  printf("%lu\n", sum);
  return 0;
}
