package terralib

import (
	"syscall"
	"testing"
	"time"

	"terrac/runtime/engine"
)

// manyFunctions defines n small Terra functions and compiles each: n JIT
// batches, each a module of one function.
const manyFunctions = `
local n = tonumber((...))
local fs = {}
for i = 1, n do
  fs[i] = terra(x : int) : int
    var y = x * i
    if y > 100 then y = y - i end
    return y + 1
  end
end
for i = 1, n do fs[i]:compile() end
`

// cpuTime is the process's user+system CPU time: the machine running the
// benchmarks may be shared, and CPU time is steadier than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchmarkCompile measures defining and JIT-compiling 1,000 small
// functions at a debug level. Compare the levels to see what line
// information costs at compile time (it does not change the code).
func benchmarkCompile(b *testing.B, level engine.DebugLevel) {
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		rt := New()
		rt.Engine.SetDebugLevel(level)
		fn, err := rt.LoadString("many.t", []byte(manyFunctions))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		c0 := cpuTime()
		if err := rt.Run(fn, "1000"); err != nil {
			b.Fatal(err)
		}
		cpu += cpuTime() - c0
		b.StopTimer()
		rt.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
}

func BenchmarkCompile1000NoDebugInfo(b *testing.B) { benchmarkCompile(b, engine.DebugNone) }
func BenchmarkCompile1000LineInfo(b *testing.B)    { benchmarkCompile(b, engine.DebugLines) }
func BenchmarkCompile1000FullDebug(b *testing.B)   { benchmarkCompile(b, engine.DebugFull) }
