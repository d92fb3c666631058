// Package phase totals the time terrac spends in each of its own stages
// (parse, Lua bytecode compilation, specialization, checking, lowering)
// when TERRAC_STATS=1, so that the cost per function can be followed as
// programs grow. LLVM's own work is reported by TERRAC_JIT_STATS.
//
// Stages nest (checking a function checks the functions it calls, and a
// macro may run Lua that specializes more code), so time is exclusive:
// entering a stage pauses the one it interrupts.
package phase

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// Phase is one of terrac's stages.
type Phase int

const (
	Parse      Phase = iota // source text to Lua AST and Terra trees
	LuaCompile              // Lua AST to gopher-lua bytecode
	Specialize              // Terra trees to typed-ready functions in their Lua scope
	Check                   // typechecking one function
	Lower                   // one function to LLVM IR
	// Header import (stdlib/cimport, terralib.includec):
	CProbe  // asking the C compiler for its predefined macros and include paths
	CParse  // preprocessing and type checking C declarations (cache miss)
	CLoad   // reading a cached import
	CBodies // clang compiling C function bodies (cache miss)
	CTables // making Terra values of C declarations
	numPhases
)

var names = [numPhases]string{"parse", "lua-compile", "specialize", "check", "lower",
	"c-probe", "c-parse", "c-load", "c-bodies", "c-tables"}

func (p Phase) String() string { return names[p] }

// Enabled is set from TERRAC_STATS at start-up; when false the calls below
// do nothing but test it.
var Enabled = os.Getenv("TERRAC_STATS") != "" && os.Getenv("TERRAC_STATS") != "0"

type frame struct {
	p        Phase
	start    time.Time
	startCPU time.Duration
}

var (
	mu    sync.Mutex
	stack []frame
	total [numPhases]time.Duration
	cpu   [numPhases]time.Duration // the calling thread's CPU time
	count [numPhases]int
)

// Enter starts p, pausing the stage that was running.
func Enter(p Phase) {
	if !Enabled {
		return
	}
	now, nowCPU := time.Now(), threadCPU()
	mu.Lock()
	if n := len(stack); n > 0 {
		total[stack[n-1].p] += now.Sub(stack[n-1].start)
		cpu[stack[n-1].p] += nowCPU - stack[n-1].startCPU
	}
	stack = append(stack, frame{p, now, nowCPU})
	count[p]++
	mu.Unlock()
}

// Leave ends the stage started last and resumes the one it paused.
func Leave() {
	if !Enabled {
		return
	}
	now, nowCPU := time.Now(), threadCPU()
	mu.Lock()
	if n := len(stack); n > 0 {
		top := stack[n-1]
		total[top.p] += now.Sub(top.start)
		cpu[top.p] += nowCPU - top.startCPU
		stack = stack[:n-1]
		if n > 1 {
			stack[n-2].start = now
			stack[n-2].startCPU = nowCPU
		}
	}
	mu.Unlock()
}

// Totals returns the time and the number of entries of each stage.
func Totals() (t [numPhases]time.Duration, c [numPhases]int) {
	mu.Lock()
	defer mu.Unlock()
	return total, count
}

// CPUTotals returns the CPU time of each stage: the time the thread that
// ran it spent on a CPU, which load from other processes does not inflate
// as it does wall time. Stages run on the main thread (cmd/terrac locks
// it), so the thread's clock covers them; the Go runtime's background
// garbage collection on other threads is not included.
func CPUTotals() [numPhases]time.Duration {
	mu.Lock()
	defer mu.Unlock()
	return cpu
}

// Print writes the totals, one stage a line, when enabled.
func Print(w io.Writer) {
	if !Enabled {
		return
	}
	t, c := Totals()
	cp := CPUTotals()
	fmt.Fprintln(w, "terrac stage stats (wall, and CPU time of the thread that ran each stage):")
	var sum, sumCPU time.Duration
	for p := Phase(0); p < numPhases; p++ {
		if p >= CProbe && c[p] == 0 {
			continue // programs without includec
		}
		each := time.Duration(0)
		if c[p] > 0 {
			each = t[p] / time.Duration(c[p])
		}
		fmt.Fprintf(w, "  %-12s %7d x %10.3f ms  (%.3f ms each)  cpu %10.3f ms\n", p, c[p], float64(t[p])/1e6, float64(each)/1e6, float64(cp[p])/1e6)
		sum += t[p]
		sumCPU += cp[p]
	}
	fmt.Fprintf(w, "  total                  %10.3f ms                     cpu %10.3f ms\n", float64(sum)/1e6, float64(sumCPU)/1e6)
}
