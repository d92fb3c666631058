// This file lets glibc malloc's per-thread cache be sized for JIT-compiled
// code (TERRAC_MALLOC_TCACHE=N), which is what binary-trees under the JIT
// needs to run at C's speed.
//
// terrac is a multi-threaded process (the Go runtime's threads), so glibc
// takes its thread-safe paths on every malloc and free that misses the
// per-thread cache (tcache): the arena lock and a compare-and-swap on the
// fastbin lists. A C program with no second thread skips both. With the
// default cache of 7 chunks per size, binary-trees under the JIT runs 1.3
// to 1.8 times slower than the same code in a C program. glibc reads the
// cache size only from the GLIBC_TUNABLES environment variable, before
// main, so with TERRAC_MALLOC_TCACHE=N terrac re-executes itself once at
// start-up with glibc.malloc.tcache_count=N, then puts the environment
// back as it was so that Lua, Terra code and child processes see the
// user's.
//
// It is opt-in because the second start costs what loading terrac costs
// (about 7 to 10 ms, measured with LD_DEBUG=statistics and strace), which
// would make every `terrac run` slower. The allocator is still glibc's, so
// Terra code that mixes its malloc and free with C libraries' behaves as
// before; what changes is that a thread may keep up to N freed chunks of
// each small size for reuse instead of returning them to the arena. See
// bench/RESULTS.md, "Cost as programs grow (issue 16)". An unset, empty,
// 0 or "off" value, or a GLIBC_TUNABLES that already sets tcache_count,
// leaves glibc's default.
package main

/*
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/auxv.h>

#define TERRAC_MARK "TERRAC_MALLOC_REEXEC"

// terrac_malloc_tune runs before the Go runtime starts (an ELF
// constructor), when the process has one thread and Go has not yet read
// the environment: unsetenv and setenv here edit the array Go reads.
__attribute__((constructor(101))) static void terrac_malloc_tune(int argc, char **argv, char **envp) {
	(void)argc; (void)envp;
	const char *mark = getenv(TERRAC_MARK);
	if (mark != NULL) {
		// Second start: glibc has read the tunables; restore the
		// user's GLIBC_TUNABLES ("-" when there was none).
		if (strcmp(mark, "-") == 0) {
			unsetenv("GLIBC_TUNABLES");
		} else if (mark[0] == '+') {
			setenv("GLIBC_TUNABLES", mark + 1, 1);
		}
		unsetenv(TERRAC_MARK);
		return;
	}
	if (getauxval(AT_SECURE)) {
		return; // glibc ignores tunables in setuid programs
	}
	const char *count = getenv("TERRAC_MALLOC_TCACHE");
	if (count == NULL || count[0] == '\0' || strcmp(count, "0") == 0 || strcmp(count, "off") == 0 || strspn(count, "0123456789") != strlen(count) || strlen(count) > 5) {
		return;
	}
	const char *old = getenv("GLIBC_TUNABLES");
	if (old != NULL && strstr(old, "glibc.malloc.tcache_count") != NULL) {
		return; // the user chose
	}
	size_t oldlen = old ? strlen(old) : 0;
	char *tun = malloc(oldlen + 64);
	char *saved = malloc(oldlen + 2);
	if (tun == NULL || saved == NULL) {
		return;
	}
	if (old != NULL && oldlen > 0) {
		snprintf(tun, oldlen + 64, "%s:glibc.malloc.tcache_count=%s", old, count);
		snprintf(saved, oldlen + 2, "+%s", old);
	} else {
		snprintf(tun, oldlen + 64, "glibc.malloc.tcache_count=%s", count);
		strcpy(saved, old != NULL ? "+" : "-");
	}
	if (setenv(TERRAC_MARK, saved, 1) != 0 || setenv("GLIBC_TUNABLES", tun, 1) != 0) {
		return;
	}
	execv("/proc/self/exe", argv);
	// No /proc, or the binary is gone: run with glibc's default cache.
	unsetenv(TERRAC_MARK);
	if (old != NULL) {
		setenv("GLIBC_TUNABLES", old, 1);
	} else {
		unsetenv("GLIBC_TUNABLES");
	}
}
*/
import "C"
