// This file tests the persistent JIT object cache end to end: a second run
// of an unchanged program, from another directory, compiles nothing, and
// damaged entries are rebuilt.
package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// jitStats reads the counts of TERRAC_JIT_STATS=1 output, by stage.
func jitStats(t *testing.T, stderr string) map[string]int {
	t.Helper()
	m := map[string]int{}
	for _, g := range regexp.MustCompile(`(?m)^  (\S+)\s+(\d+) x `).FindAllStringSubmatch(stderr, -1) {
		n, _ := strconv.Atoi(g[2])
		m[g[1]] = n
	}
	if len(m) == 0 {
		t.Fatalf("no JIT stats in:\n%s", stderr)
	}
	return m
}

// copyProgram puts testdata/cache/name into a fresh directory.
func copyProgram(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "cache", name))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestJITObjectCache(t *testing.T) {
	t.Parallel()
	cacheDir := t.TempDir()
	env := []string{"TERRAC_CACHE=" + cacheDir, "TERRAC_JIT_STATS=1", "TERRAC_DEBUG_INFO="}
	run := func(dir string) map[string]int {
		t.Helper()
		r := runCmd(t, dir, env, terrac(t), "loops.t")
		if r.Code != 0 || r.Stdout != "total 6311250\n" {
			t.Fatalf("exit %d, stdout %q\n%s", r.Code, r.Stdout, r.Stderr)
		}
		return jitStats(t, r.Stderr)
	}
	cold := run(copyProgram(t, "loops.t"))
	if cold["optimize"] == 0 || cold["codegen"]+cold["codegen-tiny"] == 0 || cold["cache-load"] != 0 {
		t.Fatalf("cold run: %v; want optimizations, code generation, no cache loads", cold)
	}
	// The same program from another directory: everything comes from the cache.
	warm := run(copyProgram(t, "loops.t"))
	for _, stage := range []string{"parse", "optimize", "codegen", "codegen-tiny"} {
		if warm[stage] != 0 {
			t.Errorf("warm run: %d x %s, want 0 (stats %v)", warm[stage], stage, warm)
		}
	}
	if warm["cache-load"] != cold["optimize"] {
		t.Errorf("warm run loaded %d objects, want %d", warm["cache-load"], cold["optimize"])
	}

	// Damage every entry: a flipped byte in half, truncation in the rest.
	// The next run must rebuild them all and still print the right answer.
	var files []string
	filepath.WalkDir(filepath.Join(cacheDir, "jit"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	if len(files) != cold["optimize"] {
		t.Fatalf("%d cache files, want %d", len(files), cold["optimize"])
	}
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if i%2 == 0 {
			b[len(b)/2] ^= 0x10
		} else {
			b = b[:len(b)-3]
		}
		os.WriteFile(f, b, 0o644)
	}
	rebuilt := run(copyProgram(t, "loops.t"))
	if rebuilt["cache-load"] != 0 || rebuilt["optimize"] != cold["optimize"] {
		t.Errorf("after damage: %v; want every module rebuilt, none loaded", rebuilt)
	}
	again := run(copyProgram(t, "loops.t"))
	if again["optimize"] != 0 || again["cache-load"] != cold["optimize"] {
		t.Errorf("after rebuild: %v; want all from the cache", again)
	}

	// TERRAC_CACHE=off compiles everything and writes nothing.
	offDir := copyProgram(t, "loops.t")
	off := runCmd(t, offDir, []string{"TERRAC_CACHE=off", "TERRAC_JIT_STATS=1"}, terrac(t), "loops.t")
	if _, err := os.Stat(filepath.Join(offDir, "cache")); !os.IsNotExist(err) {
		t.Errorf("TERRAC_CACHE=off made a cache directory (%v)", err)
	}
	// Every module is still compiled when it is added (the shim's reused
	// pipelines), so codegen counts them; nothing comes from a cache.
	if s := jitStats(t, off.Stderr); s["cache-load"] != 0 || s["optimize"] != cold["optimize"] || s["codegen"]+s["codegen-tiny"] != cold["optimize"] {
		t.Errorf("TERRAC_CACHE=off: %v; want %d modules compiled, none loaded", s, cold["optimize"])
	}
}

func TestCacheCommand(t *testing.T) {
	t.Parallel()
	dir := copyProgram(t, "loops.t")
	cacheDir := filepath.Join(t.TempDir(), "c")
	env := []string{"TERRAC_CACHE=" + cacheDir, "TERRAC_CACHE_MAX=64M"}
	if r := runCmd(t, dir, env, terrac(t), "loops.t"); r.Code != 0 {
		t.Fatalf("run: %d\n%s", r.Code, r.Stderr)
	}
	r := runCmd(t, dir, env, terrac(t), "cache", "stats")
	re := regexp.MustCompile(`^cache: ` + regexp.QuoteMeta(cacheDir) + `\nsize:  [0-9.]+ [KM]iB of 64\.0 MiB, (\d+) entries\n(  \S+ +\d+ entries +[0-9.]+ [KM]?i?B\n)*  jit +(\d+) entries`)
	m := re.FindStringSubmatch(r.Stdout)
	if r.Code != 0 || m == nil || m[1] == "0" || m[3] == "0" {
		t.Fatalf("cache stats: exit %d\n%s\nwant match for %s", r.Code, r.Stdout, re)
	}
	if r := runCmd(t, dir, env, terrac(t), "cache", "clear"); r.Code != 0 || r.Stdout != "" {
		t.Fatalf("cache clear: %+v", r)
	}
	r = runCmd(t, dir, env, terrac(t), "cache", "stats")
	if !regexp.MustCompile(`\n.*, 0 entries\n$`).MatchString(r.Stdout) {
		t.Errorf("stats after clear:\n%s", r.Stdout)
	}
	r = runCmd(t, dir, []string{"TERRAC_CACHE=off"}, terrac(t), "cache", "stats")
	if r.Code != 0 || r.Stdout != "cache: off (TERRAC_CACHE=off, or no home directory)\n" {
		t.Errorf("stats with the cache off: %+v", r)
	}
	if r := runCmd(t, dir, env, terrac(t), "cache", "bogus"); r.Code != 2 || r.Stderr != cacheUsage {
		t.Errorf("cache bogus: %+v", r)
	}
}

// Processes compiling the same program at once share the cache safely:
// each gets the right answer, and a later run loads every object.
func TestJITObjectCacheConcurrentProcesses(t *testing.T) {
	t.Parallel()
	cacheDir := t.TempDir()
	env := []string{"TERRAC_CACHE=" + cacheDir, "TERRAC_JIT_STATS=1", "TERRAC_DEBUG_INFO="}
	results := make(chan result, 3)
	for i := 0; i < 3; i++ {
		dir := copyProgram(t, "loops.t")
		go func() { results <- runCmd(t, dir, env, terrac(t), "loops.t") }()
	}
	for i := 0; i < 3; i++ {
		if r := <-results; r.Code != 0 || r.Stdout != "total 6311250\n" {
			t.Fatalf("concurrent run: exit %d, stdout %q\n%s", r.Code, r.Stdout, r.Stderr)
		}
	}
	r := runCmd(t, copyProgram(t, "loops.t"), env, terrac(t), "loops.t")
	if s := jitStats(t, r.Stderr); r.Stdout != "total 6311250\n" || s["optimize"] != 0 || s["cache-load"] == 0 {
		t.Errorf("after concurrent runs: stdout %q, stats %v", r.Stdout, s)
	}
	var tmp []string
	filepath.WalkDir(cacheDir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasPrefix(d.Name(), ".tmp-") {
			tmp = append(tmp, p)
		}
		return nil
	})
	if len(tmp) > 0 {
		t.Errorf("temporary files left: %v", tmp)
	}
}
