/* conv (staged): a 5x5 convolution of a float image, repeated. This is the
   straightforward C: the kernel is data, read in the inner loops. The .t
   version generates the loop body from the kernel at staging time, fully
   unrolled, with the weights as constants and the zero taps dropped. */
#include <stdlib.h>
#include "bench.h"

#define W 2048
#define H 2048
#define ITERS 10

/* Data, as a library's caller would pass it: not a constant the compiler
   could fold into conv. */
float kernel[25] = {
    0, 0, -1, 0, 0,
    0, -1, -2, -1, 0,
    -1, -2, 16, -2, -1,
    0, -1, -2, -1, 0,
    0, 0, -1, 0, 0,
};

__attribute__((noinline)) void conv(int w, int h, const float *restrict in, float *restrict out,
                                     const float *restrict k, int ks) {
  int r = ks / 2;
  for (int y = r; y < h - r; y++)
    for (int x = r; x < w - r; x++) {
      float s = 0;
      for (int ky = 0; ky < ks; ky++)
        for (int kx = 0; kx < ks; kx++)
          s += k[ky * ks + kx] * in[(y + ky - r) * w + (x + kx - r)];
      out[y * w + x] = s * 0.125f;
    }
}

int ksize = 5;

int main(void) {
  float *a = calloc(W * H, sizeof(float)), *b = calloc(W * H, sizeof(float));
  for (int i = 0; i < W * H; i++) a[i] = (float)((i * 31) % 255) / 255.0f;
  double t0 = now();
  for (int it = 0; it < ITERS; it++) {
    conv(W, H, a, b, kernel, ksize);
    float *t = a; a = b; b = t;
  }
  report(t0);
  double s = 0;
  for (int i = 0; i < W * H; i++) s += a[i] * (double)(i % 5);
  printf("%.6e\n", s);
  free(a); free(b);
  return 0;
}
