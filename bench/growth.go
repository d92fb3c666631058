// This file implements the growth table (issue 16, item 5): generated
// programs of 1,000, 10,000 and 100,000 small functions and one long
// function, each built with `terrac build` and run under the JIT, with the
// time terrac spends in each of its own stages (TERRAC_STATS=1) divided by
// the number of functions (or lines), so that a step that costs more per
// function as programs grow shows as a rising column.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

var (
	noGrowth = flag.Bool("nogrowth", false, "skip the cost-as-programs-grow table")
	// 100,000 functions take 6 to 25 minutes (LLVM at -O3 on all of
	// them), more than the whole harness should; ask for them.
	growthMax = flag.Int("growthmax", 10000, "largest generated program (functions) for the growth table; 100000 for the full table")
)

// genFuncs writes n small functions in a binary call tree (f_i calls
// f_2i and f_2i+1), defined callees first, so every function is reachable
// from main and checking recurses only log2(n) deep.
func genFuncs(n int, run bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "-- generated: %d small functions in a binary call tree\n", n)
	for i := n; i >= 1; i-- {
		fmt.Fprintf(&b, "terra f%d(x : int) : int\n  var s = x * 3 + %d\n  if s %% 7 == 0 then s = s + 1 end\n  return s", i, i)
		for _, c := range []int{2 * i, 2*i + 1} {
			if c <= n {
				fmt.Fprintf(&b, " + f%d(x + %d)", c, c%5)
			}
		}
		b.WriteString("\nend\n")
	}
	b.WriteString("terra main() : int return f1(0) % 100 end\n")
	if run {
		b.WriteString("print(main())\n")
	}
	return b.String()
}

// genLines writes one function of n statements, each declaring a local
// from the one before, so name lookup runs in a block of n locals.
func genLines(n int, run bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "-- generated: one function of %d lines\nterra big(x : int) : int\n  var a0 = x\n", n)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "  var a%d = a%d * 3 + (x ^ %d)\n", i, i-1, i)
	}
	fmt.Fprintf(&b, "  return a%d\nend\nterra main() : int return big(1) %% 100 end\n", n)
	if run {
		b.WriteString("print(main())\n")
	}
	return b.String()
}

// stageRun is one terrac run with its stage totals.
type stageRun struct {
	wall, cpu  float64
	stages     map[string]float64 // stage name to milliseconds of CPU time
	wallStages map[string]float64 // stage name to milliseconds of wall time
	wallOnly   bool               // the terrac reports no CPU time: stages are wall time
	llvm       float64            // milliseconds in LLVM (TERRAC_JIT_STATS total), JIT runs only
	rssKB      int64
	err        error
}

var growthStages = []string{"parse", "lua-compile", "specialize", "check", "lower"}

// runStages runs terrac with TERRAC_STATS and TERRAC_JIT_STATS and an
// unused cache, and reads both reports from stderr.
func runStages(dir, terrac string, args ...string) stageRun {
	c := exec.Command(terrac, args...)
	c.Dir = dir
	c.Env = append(os.Environ(), "TERRAC_STATS=1", "TERRAC_JIT_STATS=1", "TERRAC_CACHE=off", "TERRAC_REMOTE_CACHE=")
	var stderr bytes.Buffer
	c.Stdout, c.Stderr = nil, &stderr
	t0 := time.Now()
	err := c.Run()
	r := stageRun{wall: time.Since(t0).Seconds(), stages: map[string]float64{}, wallStages: map[string]float64{}}
	if ru, ok := c.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.rssKB = ru.Maxrss
		r.cpu = float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
	}
	if err != nil {
		r.err = fmt.Errorf("%v: %s", err, firstLine(stderr.String()))
		return r
	}
	section := ""
	for _, l := range strings.Split(stderr.String(), "\n") {
		if strings.HasPrefix(l, "terrac ") && strings.HasSuffix(l, ":") {
			section = l
			continue
		}
		f := strings.Fields(l)
		// "  check   100001 x   6371.871 ms  (0.064 ms each)" and
		// "  total                 1750.736 ms"
		switch {
		case strings.HasPrefix(section, "terrac stage") && len(f) >= 4 && f[2] == "x":
			r.wallStages[f[0]], _ = strconv.ParseFloat(f[3], 64)
			for i := range f[:len(f)-1] {
				if f[i] == "cpu" {
					r.stages[f[0]], _ = strconv.ParseFloat(f[i+1], 64)
				}
			}
		case strings.HasPrefix(section, "terrac JIT") && len(f) == 3 && f[0] == "total":
			r.llvm, _ = strconv.ParseFloat(f[1], 64)
		}
	}
	if len(r.stages) == 0 {
		// A terrac from before the stages' CPU time was reported.
		r.stages, r.wallOnly = r.wallStages, true
	}
	return r
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return l
}

func growthTable(b *strings.Builder, tmp, terrac string) {
	b.WriteString("\n## Cost as programs grow\n\n")
	b.WriteString("Generated programs (bench/growth.go): n small functions in a binary call tree, and one function of n lines. ")
	b.WriteString("Each terrac stage's time (TERRAC_STATS=1: CPU time of the thread that ran it, so that load from other processes does not count) divided by n, in µs; one run each, no cache. ")
	b.WriteString("LLVM is the JIT's optimizer and code generator (TERRAC_JIT_STATS total); for `terrac build` it is the rest of the wall time.\n\n")
	b.WriteString("| program | run | n |")
	for _, s := range growthStages {
		b.WriteString(" " + s + " µs/n |")
	}
	b.WriteString(" terrac stages µs/n | LLVM ms | wall | process CPU | peak RSS |\n| --- | --- | ---: |")
	for range growthStages {
		b.WriteString(" ---: |")
	}
	b.WriteString(" ---: | ---: | ---: | ---: | ---: |\n")
	dir := filepath.Join(tmp, "growth")
	os.MkdirAll(dir, 0o755)
	type prog struct {
		what string
		n    int
		gen  func(int, bool) string
	}
	var progs []prog
	for _, n := range []int{1000, 10000, 100000} {
		if n <= *growthMax {
			progs = append(progs, prog{"functions", n, genFuncs})
		}
	}
	for _, n := range []int{5000, 50000} {
		progs = append(progs, prog{"lines in one function", n, genLines})
	}
	for _, p := range progs {
		base := filepath.Join(dir, fmt.Sprintf("g%d_%s", p.n, strings.Fields(p.what)[0]))
		os.WriteFile(base+".t", []byte(p.gen(p.n, false)), 0o644)
		os.WriteFile(base+"_run.t", []byte(p.gen(p.n, true)), 0o644)
		for _, mode := range []string{"build", "JIT"} {
			// One 50,000-line block takes LLVM 14's code generator
			// about 8 minutes in either mode (5,000 lines: 1.1 s), even
			// with the X86 domain reassignment pass off for long
			// functions (runtime/jit/pipeline.cpp); it is timed anyway.
			var r stageRun
			if mode == "build" {
				r = runStages(dir, terrac, "build", base+".t", "-o", base+".exe")
			} else {
				r = runStages(dir, terrac, base+"_run.t")
			}
			label := mode
			if r.wallOnly {
				label += " (wall)"
			}
			fmt.Fprintf(b, "| %s | %s | %d |", p.what, label, p.n)
			if r.err != nil {
				fmt.Fprintf(b, " FAILED: %s |\n", strings.ReplaceAll(r.err.Error(), "|", "\\|"))
				continue
			}
			var sum float64
			for _, s := range growthStages {
				sum += r.stages[s]
				fmt.Fprintf(b, " %.1f |", r.stages[s]*1e3/float64(p.n))
			}
			llvm := r.llvm
			if mode == "build" {
				var wsum float64
				for _, s := range growthStages {
					wsum += r.wallStages[s]
				}
				llvm = r.wall*1e3 - wsum
			}
			fmt.Fprintf(b, " %.1f | %.0f | %.2f s | %.2f s | %s |\n", sum*1e3/float64(p.n), llvm, r.wall, r.cpu, mib(r.rssKB))
		}
	}
}
