// This file implements TERRAC_JIT_STATS=1: totals of the time the JIT spends
// in each stage (parse, optimize, add, materialize), printed to stderr at
// exit, to see where the per-module cost of JIT compilation goes. With the
// object cache on, "codegen" is code generation done before adding a
// module (its object is cached) and "cache-load" counts objects taken
// from the cache; without it, code generation happens in "materialize".

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "stats.h"

int terrac_stats_on = -1;
static double totals[TERRAC_STAGES];
static long counts[TERRAC_STAGES];
static const char *names[TERRAC_STAGES] = {"parse", "optimize", "add",
                                           "materialize", "codegen-tiny",
                                           "codegen", "cache-load",
                                           "ahead-wait"};

void terrac_stats_print(void) {
  if (terrac_stats_on <= 0) return;
  double all = 0;
  fprintf(stderr, "terrac JIT stats:\n");
  for (int i = 0; i < TERRAC_STAGES; i++) {
    all += totals[i];
    fprintf(stderr, "  %-12s %5ld x %9.3f ms  (%.3f ms each)\n", names[i],
            counts[i], totals[i] * 1e3,
            counts[i] ? totals[i] * 1e3 / counts[i] : 0.0);
  }
  fprintf(stderr, "  %-12s         %9.3f ms\n", "total", all * 1e3);
}

int terrac_stats_enabled(void) {
  if (terrac_stats_on < 0) {
    const char *v = getenv("TERRAC_JIT_STATS");
    terrac_stats_on = v && *v && *v != '0';
  }
  return terrac_stats_on;
}

double terrac_stats_now(void) {
  if (!terrac_stats_enabled()) return 0;
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

// The ahead-of-need worker (ahead.go) compiles on a thread of its own.
static pthread_mutex_t stats_mu = PTHREAD_MUTEX_INITIALIZER;

void terrac_stats_add(int stage, double since) {
  if (!terrac_stats_on) return;
  double d = terrac_stats_now() - since;
  pthread_mutex_lock(&stats_mu);
  totals[stage] += d;
  counts[stage]++;
  pthread_mutex_unlock(&stats_mu);
}
