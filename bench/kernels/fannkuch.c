/* fannkuch-redux: flips of pancake stacks over all permutations of 1..n
   (after the Benchmarks Game), single-threaded. */
#include "bench.h"

#define N 10

static int fannkuch(int n, int *checksum) {
  int perm[16], perm1[16], count[16];
  int maxflips = 0, sum = 0, permcount = 0;
  for (int i = 0; i < n; i++) perm1[i] = i;
  int r = n;
  for (;;) {
    while (r != 1) { count[r - 1] = r; r--; }
    for (int i = 0; i < n; i++) perm[i] = perm1[i];
    int flips = 0;
    int k = perm[0];
    while (k != 0) {
      for (int i = 0, j = k; i < j; i++, j--) { int t = perm[i]; perm[i] = perm[j]; perm[j] = t; }
      flips++;
      k = perm[0];
    }
    if (flips > maxflips) maxflips = flips;
    sum += (permcount % 2 == 0) ? flips : -flips;
    for (;;) {
      if (r == n) { *checksum = sum; return maxflips; }
      int p0 = perm1[0];
      for (int i = 0; i < r; i++) perm1[i] = perm1[i + 1];
      perm1[r] = p0;
      count[r]--;
      if (count[r] > 0) break;
      r++;
    }
    permcount++;
  }
}

int main(void) {
  double t0 = now();
  int checksum;
  int m = fannkuch(N, &checksum);
  report(t0);
  printf("%d\nPfannkuchen(%d) = %d\n", checksum, N, m);
  return 0;
}
