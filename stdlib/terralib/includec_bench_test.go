// This file benchmarks terralib.includec("stdio.h"): cold (nothing cached),
// warm in a later process (on-disk cache) and warm in the same process.
package terralib

import (
	"testing"

	"terrac/stdlib/cimport"
)

// fourHeaders is the issue-16 import: four common headers in one string.
const fourHeaders = `local C = terralib.includecstring("#include <stdio.h>\n#include <stdlib.h>\n#include <math.h>\n#include <string.h>\n") assert(C.printf)`

func benchIncludec(b *testing.B, opts cimport.Options, forget bool) {
	benchImport(b, opts, forget, `local C = terralib.includec("stdio.h") assert(C.printf)`)
}

func benchImport(b *testing.B, opts cimport.Options, forget bool, prog string) {
	old := importOptions
	importOptions = opts
	defer func() { importOptions = old }()
	// Only the includec call is timed, not making the Lua state.
	run := func() {
		b.StopTimer()
		rt := New()
		defer rt.Close()
		if forget {
			cimport.ForgetInProcess()
		}
		b.StartTimer()
		if err := rt.L.DoString(prog); err != nil {
			b.Fatal(err)
		}
	}
	run() // fill the caches the warm cases rely on
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		run()
	}
}

// BenchmarkIncludecCold: no cache at all (the compiler probe, run once
// per process, is not counted).
func BenchmarkIncludecCold(b *testing.B) {
	benchIncludec(b, cimport.Options{NoCache: true}, false)
}

// BenchmarkIncludecWarmDisk: the first includec of a later process with
// unchanged headers and args.
func BenchmarkIncludecWarmDisk(b *testing.B) {
	benchIncludec(b, cimport.Options{CacheDir: b.TempDir()}, true)
}

// BenchmarkIncludecWarmProcess: a second includec in the same process
// (a fresh Lua state, so the tables are rebuilt).
func BenchmarkIncludecWarmProcess(b *testing.B) {
	benchIncludec(b, cimport.Options{CacheDir: b.TempDir()}, false)
}

// BenchmarkIncludecFourWarmDisk: stdio.h, stdlib.h, math.h and string.h
// in one includecstring, first import of a later process.
func BenchmarkIncludecFourWarmDisk(b *testing.B) {
	benchImport(b, cimport.Options{CacheDir: b.TempDir()}, true, fourHeaders)
}

// BenchmarkIncludecFourCold: the same with no cache at all.
func BenchmarkIncludecFourCold(b *testing.B) {
	benchImport(b, cimport.Options{NoCache: true}, false, fourHeaders)
}

func TestIncludecShape(t *testing.T) {
	rt := New()
	defer rt.Close()
	err := rt.L.DoString(`
		local G, T, M = terralib.includecstring("struct s { int x; }; int s(int);\n#define K 3\n")
		assert(terralib.isfunction(G.s), "general s is the function")
		assert(terralib.types.istype(T.s), "tagged s is the struct")
		assert(M.K == 3 and G.K == 3, "macros are in both tables")
		assert(not pcall(function() return G.nothing end), "missing names raise")
	`)
	if err != nil {
		t.Fatal(err)
	}
}
