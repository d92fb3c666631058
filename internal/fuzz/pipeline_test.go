// This file implements the fuzz target over the whole pipeline.
package fuzz

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// seeds lists the conformance programs and examples, the fuzz corpus's
// starting points.
func seeds(t testing.TB) []string {
	var files []string
	for _, pat := range []string{"../../conformance/*/*.t", "../../examples/*.t"} {
		m, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no seed programs found")
	}
	return files
}

// opts finds the libraries the seed programs require.
var opts = Options{Timeout: 2 * time.Second, LibDirs: libDirs()}

func libDirs() []string {
	dirs, _ := filepath.Glob("../../conformance/*")
	dirs = append(dirs, "../../examples")
	for i, d := range dirs {
		if a, err := filepath.Abs(d); err == nil {
			dirs[i] = a
		}
	}
	return dirs
}

// FuzzPipeline fails on any terrac bug a program can trigger: a Go
// panic, a module LLVM rejects, a hang. Program errors are fine.
func FuzzPipeline(f *testing.F) {
	for _, p := range seeds(f) {
		src, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(src))
	}
	f.Fuzz(func(t *testing.T, src string) {
		r := Run("fuzz.t", []byte(src), opts)
		if r.Bug != nil {
			t.Fatalf("%v\nprogram:\n%s", r.Bug, src)
		}
	})
}
