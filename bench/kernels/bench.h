/* bench.h: the timer every C benchmark uses, the same clock the .t
   programs call through includec("time.h"). */
#include <stdio.h>
#include <time.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void report(double t0) { printf("time %.6f\n", now() - t0); }
