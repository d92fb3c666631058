/* matmul: blocked single-precision C = A * B (n x n, row-major) with
   8-wide float vectors: a 4 x 16 register tile, k blocked for L2. */
#include <stdlib.h>
#include "bench.h"

#define N 1536
#define KB 256

typedef float v8 __attribute__((vector_size(32)));

static void matmul(int n, const float *a, const float *b, float *c) {
  for (int kk = 0; kk < n; kk += KB) {
    for (int i = 0; i < n; i += 4) {
      for (int j = 0; j < n; j += 16) {
        v8 c00 = *(v8 *)&c[(i + 0) * n + j], c01 = *(v8 *)&c[(i + 0) * n + j + 8];
        v8 c10 = *(v8 *)&c[(i + 1) * n + j], c11 = *(v8 *)&c[(i + 1) * n + j + 8];
        v8 c20 = *(v8 *)&c[(i + 2) * n + j], c21 = *(v8 *)&c[(i + 2) * n + j + 8];
        v8 c30 = *(v8 *)&c[(i + 3) * n + j], c31 = *(v8 *)&c[(i + 3) * n + j + 8];
        for (int k = kk; k < kk + KB; k++) {
          v8 b0 = *(const v8 *)&b[k * n + j], b1 = *(const v8 *)&b[k * n + j + 8];
          float a0 = a[(i + 0) * n + k], a1 = a[(i + 1) * n + k];
          float a2 = a[(i + 2) * n + k], a3 = a[(i + 3) * n + k];
          c00 += a0 * b0; c01 += a0 * b1;
          c10 += a1 * b0; c11 += a1 * b1;
          c20 += a2 * b0; c21 += a2 * b1;
          c30 += a3 * b0; c31 += a3 * b1;
        }
        *(v8 *)&c[(i + 0) * n + j] = c00; *(v8 *)&c[(i + 0) * n + j + 8] = c01;
        *(v8 *)&c[(i + 1) * n + j] = c10; *(v8 *)&c[(i + 1) * n + j + 8] = c11;
        *(v8 *)&c[(i + 2) * n + j] = c20; *(v8 *)&c[(i + 2) * n + j + 8] = c21;
        *(v8 *)&c[(i + 3) * n + j] = c30; *(v8 *)&c[(i + 3) * n + j + 8] = c31;
      }
    }
  }
}

int main(void) {
  float *a = aligned_alloc(32, N * N * sizeof(float));
  float *b = aligned_alloc(32, N * N * sizeof(float));
  float *c = aligned_alloc(32, N * N * sizeof(float));
  for (int i = 0; i < N * N; i++) {
    a[i] = (float)(i % 17) * 0.125f;
    b[i] = (float)(i % 13) * 0.25f - 1.0f;
    c[i] = 0;
  }
  double t0 = now();
  matmul(N, a, b, c);
  report(t0);
  double s = 0;
  for (int i = 0; i < N * N; i++) s += c[i] * (double)(i % 7);
  printf("%.6e\n", s);
  free(a); free(b); free(c);
  return 0;
}
