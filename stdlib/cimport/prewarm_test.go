// This file tests the pre-scan of headers during the compiler probe.

package cimport

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
	"modernc.org/cc/v4"
)

func TestForIncludes(t *testing.T) {
	src := "#include <stdio.h>\n  #  include \"local.h\"\n#include_next <limits.h>\n#define X <no.h>\n#include X\n// #include <comment.h> is skipped too\n#\tinclude\t<tab.h>"
	var got []string
	forIncludes([]byte(src), func(name string, form byte, next bool) {
		got = append(got, string(form)+name+map[bool]string{true: " next"}[next])
	})
	want := []string{"<stdio.h", "\"local.h", "<limits.h next", "<tab.h"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("includes (-want +got):\n%s", diff)
	}
}

// TestPrewarmSameHeader: a translation after the pre-scan gives the same
// header, byte for byte in its cache entry, as one without; and on this
// machine the pre-scan, with its guessed directories, reached every header
// the translation read.
func TestPrewarmSameHeader(t *testing.T) {
	code := "#include <stdio.h>\n#include <stdlib.h>\n#include <math.h>\n#include <string.h>\n"
	opts := Options{NoCache: true}
	opts.defaults()
	identity, err := compilerIdentity(opts.Compiler)
	if err != nil {
		t.Skip(err)
	}
	// Probe first, so that the translations below find it in memory and
	// do not pre-scan on their own.
	if _, err := getProbe(opts.Compiler, identity, nil, opts, nil); err != nil {
		t.Fatal(err)
	}
	translateFresh := func(scan bool) ([]byte, []string) {
		prewarms.Wait()
		sourceCache = cc.SourceCache{}
		var scanned []string
		if scan {
			compilerPath, _, _ := strings.Cut(identity, "|")
			var stop atomic.Bool
			scanned = prewarm(code, nil, nil, guessSystemDirs(compilerPath), &stop)
		}
		h, deps, err := translate(code, nil, opts, identity)
		if err != nil {
			t.Fatal(err)
		}
		return encode(h, deps), scanned
	}
	plain, _ := translateFresh(false)
	warmed, scanned := translateFresh(true)
	if !bytes.Equal(plain, warmed) {
		t.Fatal("the header translated after the pre-scan differs")
	}
	_, deps, _ := decodeDeps(plain)
	seen := map[string]bool{}
	for _, p := range scanned {
		seen[p] = true
	}
	for _, d := range deps {
		if d.Exists && !d.Dir && !seen[d.Path] {
			t.Errorf("the pre-scan missed %s", d.Path)
		}
	}
}

// TestProbeFailure: a compiler that fails the probe gives its command,
// exit status and output, as before the pre-scan (which may run meanwhile).
func TestProbeFailure(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "badcc")
	if err := os.WriteFile(bad, []byte("#!/bin/sh\necho 'badcc: no such target' >&2\nexit 3\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, opts := range []Options{{Compiler: bad, CacheDir: filepath.Join(dir, "cache")}, {Compiler: bad, NoCache: true}} {
		_, err := Import("#include <stdio.h>\n", nil, opts)
		want := "cimport: " + bad + " -O3 -march=native -E -dM -v -x c /dev/null: exit status 3\nbadcc: no such target\n"
		if err == nil || err.Error() != want {
			t.Fatalf("error %q, want %q", err, want)
		}
	}
}

func TestIdleProcessor(t *testing.T) {
	for _, c := range []struct {
		loadavg string
		ncpu    int
		want    bool
	}{
		{"0.52 0.61 0.70 1/412 9876\n", 2, true},  // only the reader runs
		{"3.10 2.00 1.50 2/412 9876\n", 2, false}, // someone else runs
		{"3.10 2.00 1.50 3/412 9876\n", 4, true},
		{"0.10 0.10 0.10 1/80 5\n", 1, false}, // the compiler takes the only one
		{"", 2, false},                        // no /proc
	} {
		if got := idleProcessor([]byte(c.loadavg), c.ncpu); got != c.want {
			t.Errorf("idleProcessor(%q, %d) = %v, want %v", c.loadavg, c.ncpu, got, c.want)
		}
	}
}
