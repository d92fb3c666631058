package main

import (
	"regexp"
	"strconv"
	"testing"
)

// TestMallocTcache checks TERRAC_MALLOC_TCACHE: with it, small blocks
// that Terra code frees stay in glibc's per-thread cache instead of the
// fastbins (mallinfo2's fsmblks stays 0); without it glibc's default
// applies; a GLIBC_TUNABLES of the user's is kept and wins; and neither
// Lua nor a child process sees a variable terrac added.
func TestMallocTcache(t *testing.T) {
	t.Parallel()
	dir := cliDir(t, "malloctune.t")
	fast := regexp.MustCompile(`fastbin bytes\t(\d+)\n`)
	run := func(env ...string) (int, string) {
		t.Helper()
		r := runCmd(t, dir, append([]string{"GLIBC_TUNABLES=", "TERRAC_MALLOC_TCACHE="}, env...), terrac(t), "malloctune.t")
		m := fast.FindStringSubmatch(r.Stdout)
		if r.Code != 0 || m == nil {
			t.Fatalf("%v: exit %d\n%s%s", env, r.Code, r.Stdout, r.Stderr)
		}
		n, _ := strconv.Atoi(m[1])
		return n, r.Stdout[len(m[0]):]
	}
	if n, rest := run(); n == 0 || rest != "GLIBC_TUNABLES\tnil\tnil\nGLIBC_TUNABLES=\n" {
		t.Errorf("default: fastbin bytes %d (want some), then %q", n, rest)
	}
	if n, rest := run("TERRAC_MALLOC_TCACHE=65535"); n != 0 || rest != "GLIBC_TUNABLES\tnil\tnil\nGLIBC_TUNABLES=\n" {
		t.Errorf("tuned: fastbin bytes %d (want 0), then %q", n, rest)
	}
	user := "GLIBC_TUNABLES=glibc.malloc.perturb=0"
	if n, rest := run("TERRAC_MALLOC_TCACHE=65535", user); n != 0 || rest != "GLIBC_TUNABLES\tglibc.malloc.perturb=0\tnil\n"+user+"\n" {
		t.Errorf("tuned with the user's tunables: fastbin bytes %d (want 0), then %q", n, rest)
	}
	user = "GLIBC_TUNABLES=glibc.malloc.tcache_count=0"
	if n, rest := run("TERRAC_MALLOC_TCACHE=65535", user); n == 0 || rest != "GLIBC_TUNABLES\tglibc.malloc.tcache_count=0\tnil\n"+user+"\n" {
		t.Errorf("the user's tcache_count: fastbin bytes %d (want some), then %q", n, rest)
	}
}
