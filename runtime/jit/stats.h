// Stage timing for TERRAC_JIT_STATS=1 (stats.c). All calls are cheap no-ops
// when the variable is unset.
#ifndef TERRAC_STATS_H
#define TERRAC_STATS_H

enum {
  TERRAC_STAGE_PARSE,
  TERRAC_STAGE_OPTIMIZE,
  TERRAC_STAGE_ADD,
  TERRAC_STAGE_MATERIALIZE,
  TERRAC_STAGE_CODEGEN,
  TERRAC_STAGE_CODEGEN_FULL,
  TERRAC_STAGE_CACHED,
  TERRAC_STAGE_AHEAD, // objects compiled ahead of need, taken (ahead.go)
  TERRAC_STAGES
};

int terrac_stats_enabled(void);
double terrac_stats_now(void); // seconds; 0 when stats are off
void terrac_stats_add(int stage, double since);
void terrac_stats_print(void); // to stderr, if TERRAC_JIT_STATS is on

#endif
