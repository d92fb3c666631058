// This file tests the cache, located errors, and the import benchmarks.

package cimport

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestBrokenHeader(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "broken.h"), []byte("int ok(void);\nint bad(int x;\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Import("#include \"broken.h\"\n", []string{"-I", dir}, Options{NoCache: true})
	var l ErrorList
	if !errors.As(err, &l) || len(l) == 0 {
		t.Fatalf("err = %v, want ErrorList", err)
	}
	if l[0].File != filepath.Join(dir, "broken.h") || l[0].Line != 2 || l[0].Col == 0 {
		t.Errorf("first error = %v", l[0])
	}
	if !strings.HasPrefix(err.Error(), filepath.Join(dir, "broken.h")+":2:") {
		t.Errorf("message = %q", err)
	}

	_, err = Import("int f(void) { return 0 }\n", nil, Options{NoCache: true, Name: "code.c"})
	if err == nil || !strings.HasPrefix(err.Error(), "code.c:1:") {
		t.Errorf("error in code = %v", err)
	}
	_, err = Import("#include <no/such/header.h>\n", nil, Options{NoCache: true})
	if err == nil || !strings.Contains(err.Error(), "<buffer>:1:") {
		t.Errorf("missing header = %v", err)
	}
}

func TestCacheRoundTrip(t *testing.T) {
	dir := t.TempDir()
	opts := Options{CacheDir: dir}
	code := "#include <stdio.h>\n#include <stdarg.h>\n#include <sys/stat.h>\n#include <pthread.h>\nstruct node { struct node *next; };\n"
	cold, err := Import(code, nil, opts)
	if err != nil {
		t.Fatal(err)
	}
	// The encoding alone.
	dec, _, ok := decodeDeps(encode(cold, nil))
	if !ok {
		t.Fatal("decodeDeps failed")
	}
	back, ok := decodeRest(dec)
	if !ok {
		t.Fatal("decodeRest failed")
	}
	back.fill()
	if d := cmp.Diff(cold, back, cmpopts.IgnoreUnexported(Header{})); d != "" {
		t.Fatalf("round trip differs (-cold +back):\n%s", d)
	}
	if n := back.Tags["node"]; n.Fields[0].Type.Elem != n {
		t.Errorf("cycle not preserved")
	}
	if back.Typedefs["FILE"] != back.Tags["_IO_FILE"] {
		t.Errorf("sharing not preserved")
	}

	// From disk, with the in-process memo cleared.
	clearMemo()
	disk, err := Import(code, nil, opts)
	if err != nil {
		t.Fatal(err)
	}
	if disk == cold {
		t.Fatal("disk load returned the memoized header")
	}
	if d := cmp.Diff(cold, disk, cmpopts.IgnoreUnexported(Header{})); d != "" {
		t.Fatalf("disk round trip differs (-cold +disk):\n%s", d)
	}
	// From memory.
	if again, _ := Import(code, nil, opts); again != disk {
		t.Errorf("memo miss")
	}
}

func TestCacheInvalidation(t *testing.T) {
	dir := t.TempDir()
	hdr := filepath.Join(dir, "mine.h")
	write := func(s string, mtime time.Time) {
		if err := os.WriteFile(hdr, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(hdr, mtime, mtime)
	}
	opts := Options{CacheDir: filepath.Join(dir, "cache")}
	args := []string{"-I" + dir}
	write("#define VERSION 1\n", time.Unix(1000, 0))
	h1, err := Import("#include \"mine.h\"\n", args, opts)
	if err != nil || h1.IntMacros["VERSION"].Value != 1 {
		t.Fatalf("v1: %v %v", err, h1)
	}
	write("#define VERSION 2\n", time.Unix(2000, 0))
	h2, err := Import("#include \"mine.h\"\n", args, opts)
	if err != nil || h2.IntMacros["VERSION"].Value != 2 {
		t.Fatalf("v2 after edit: %v %+v", err, h2.IntMacros["VERSION"])
	}
	// A header that appears earlier in the search path wins, also warm.
	dir2 := t.TempDir()
	args2 := []string{"-I" + dir2, "-I" + dir}
	if h, _ := Import("#include \"mine.h\"\n", args2, opts); h.IntMacros["VERSION"].Value != 2 {
		t.Fatalf("v2 via second dir")
	}
	os.WriteFile(filepath.Join(dir2, "mine.h"), []byte("#define VERSION 3\n"), 0o644)
	if h, _ := Import("#include \"mine.h\"\n", args2, opts); h.IntMacros["VERSION"].Value != 3 {
		t.Fatalf("shadowing header ignored by the cache")
	}
}

func clearMemo() {
	memo.Lock()
	memo.m = nil
	memo.Unlock()
}

func BenchmarkImportStdioCold(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Import("#include <stdio.h>\n", nil, Options{NoCache: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImportStdioWarmDisk is a new process's includec("stdio.h"):
// a cache file read, validated and decoded.
func BenchmarkImportStdioWarmDisk(b *testing.B) {
	opts := Options{CacheDir: b.TempDir()}
	if _, err := Import("#include <stdio.h>\n", nil, opts); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		clearMemo()
		if _, err := Import("#include <stdio.h>\n", nil, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImportStdioWarm is includec("stdio.h") again in the same
// process: the memo, validated by stat.
func BenchmarkImportStdioWarm(b *testing.B) {
	opts := Options{CacheDir: b.TempDir()}
	if _, err := Import("#include <stdio.h>\n", nil, opts); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Import("#include <stdio.h>\n", nil, opts); err != nil {
			b.Fatal(err)
		}
	}
}

func TestPruneSystemHeader(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "sys.h"), []byte("int good1(void);\ntypedef int bad_t[-1];\nstruct s {\n  int x;\n  int y[-2];\n};\nint good2(int);\n#define GOOD 3\n"), 0o644)
	h, err := Import("#include <sys.h>\n", []string{"-isystem", dir}, Options{NoCache: true})
	if err != nil {
		t.Fatalf("system header error not pruned: %v", err)
	}
	if h.Funcs["good1"] == nil || h.Funcs["good2"] == nil || h.IntMacros["GOOD"].Value != 3 {
		t.Errorf("lost good declarations: %v", h.Funcs)
	}
	if h.Typedefs["bad_t"] != nil || len(h.Skipped) == 0 {
		t.Errorf("bad_t = %v, skipped = %v", h.Typedefs["bad_t"], h.Skipped)
	}
	// The same header as a user header is an error.
	if _, err := Import("#include \"sys.h\"\n", []string{"-I", dir}, Options{NoCache: true}); err == nil {
		t.Errorf("user header error pruned")
	}
}
