// This file implements the Go face of TERRAC_JIT_STATS (stats.c).

package jit

/*
#include "stats.h"
*/
import "C"

// PrintStats prints the JIT's per-stage time totals to stderr when the
// environment variable TERRAC_JIT_STATS is set (and not "0"); otherwise it
// does nothing. Call it before exiting: os.Exit runs no C exit handlers.
func PrintStats() { C.terrac_stats_print() }
