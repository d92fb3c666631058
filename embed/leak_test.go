package embed_test

import (
	"context"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"terrac/embed"
	"terrac/runtime/cdata"
)

// vmRSS reads the process's resident set size, in bytes.
func vmRSS(t *testing.T) int64 {
	t.Helper()
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip("no /proc/self/status:", err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb << 10
		}
	}
	t.Fatal("no VmRSS line")
	return 0
}

// settledRSS is the RSS once Go's garbage (the closed states' Lua
// values and cdata, freed by finalizers) is collected and returned.
func settledRSS(t *testing.T) int64 {
	for range 3 {
		runtime.GC()
	}
	debug.FreeOSMemory()
	return vmRSS(t)
}

// leakProgram JIT-compiles a function, a callback (a Lua function Terra
// calls), a global variable and a struct, and runs them.
const leakProgram = `
struct Acc { n : int, sum : double }
local counter = global(int, 0)
local f = terralib.cast({double} -> double, function(x) return x * 2 end)
terra run(a : &Acc, k : int) : double
	for i = 0, k do
		a.sum = a.sum + f(i)
		a.n = a.n + 1
		counter = counter + 1
	end
	return a.sum
end
local a = terralib.new(Acc)
return run(a, 10), counter:get()
`

// TestCloseFreesJITCode creates and closes 1,000 states that each
// compile a function and a callback; the RSS after 1,000 may exceed the
// RSS after 100 by at most 20 MB. (Without removing the states' JIT code
// it grows by about 25 MB; without weak type memo tables, by 490 MB.)
func TestCloseFreesJITCode(t *testing.T) {
	if testing.Short() {
		t.Skip("creates 1,000 states")
	}
	ctx := context.Background()
	cbs := cdata.CallbackCount()
	var rss100 int64
	for i := 1; i <= 1000; i++ {
		// Odd states carry full debug information: line tables kept for
		// faults, objects registered with gdb's JIT interface.
		opts := embed.Options{OptLevel: embed.O1}
		if i%2 == 1 {
			opts.Debug = embed.DebugFull
		}
		s, err := embed.New(opts)
		if err != nil {
			t.Fatal(err)
		}
		vals, err := s.RunString(ctx, "leak.t", leakProgram)
		if err != nil {
			t.Fatal(err)
		}
		if sum, _ := vals[0].Float(); sum != 90 {
			t.Fatalf("state %d: run gave %v", i, vals[0])
		}
		if n, _ := vals[1].Int(); n != 10 {
			t.Fatalf("state %d: counter %v", i, vals[1])
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if i == 100 {
			rss100 = settledRSS(t)
		}
	}
	rss1000 := settledRSS(t)
	t.Logf("RSS after 100 states %.1f MB, after 1000 %.1f MB (+%.1f MB)",
		float64(rss100)/(1<<20), float64(rss1000)/(1<<20), float64(rss1000-rss100)/(1<<20))
	if rss1000 > rss100+20<<20 {
		t.Errorf("RSS grew by %.1f MB from 100 to 1000 states (limit 20 MB)", float64(rss1000-rss100)/(1<<20))
	}
	if n := cdata.CallbackCount(); n != cbs {
		t.Errorf("%d callbacks registered after closing every state, %d before", n, cbs)
	}
}
