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
	p     Phase
	start time.Time
}

var (
	mu    sync.Mutex
	stack []frame
	total [numPhases]time.Duration
	count [numPhases]int
)

// Enter starts p, pausing the stage that was running.
func Enter(p Phase) {
	if !Enabled {
		return
	}
	now := time.Now()
	mu.Lock()
	if n := len(stack); n > 0 {
		total[stack[n-1].p] += now.Sub(stack[n-1].start)
	}
	stack = append(stack, frame{p, now})
	count[p]++
	mu.Unlock()
}

// Leave ends the stage started last and resumes the one it paused.
func Leave() {
	if !Enabled {
		return
	}
	now := time.Now()
	mu.Lock()
	if n := len(stack); n > 0 {
		top := stack[n-1]
		total[top.p] += now.Sub(top.start)
		stack = stack[:n-1]
		if n > 1 {
			stack[n-2].start = now
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

// Print writes the totals, one stage a line, when enabled.
func Print(w io.Writer) {
	if !Enabled {
		return
	}
	t, c := Totals()
	fmt.Fprintln(w, "terrac stage stats:")
	var sum time.Duration
	for p := Phase(0); p < numPhases; p++ {
		if p >= CProbe && c[p] == 0 {
			continue // programs without includec
		}
		each := time.Duration(0)
		if c[p] > 0 {
			each = t[p] / time.Duration(c[p])
		}
		fmt.Fprintf(w, "  %-12s %7d x %10.3f ms  (%.3f ms each)\n", p, c[p], float64(t[p])/1e6, float64(each)/1e6)
		sum += t[p]
	}
	fmt.Fprintf(w, "  total                  %10.3f ms\n", float64(sum)/1e6)
}
