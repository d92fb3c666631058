// Command bench runs terrac's side-by-side benchmark suite: each kernel in
// bench/kernels as a .t program and as the equivalent C program compiled
// by clang-14 and gcc, plus toolchain figures (start-up, includec, JIT
// latency, conformance suite, cost as programs grow). It prints a Markdown table of medians with
// peak memory beside each figure. The terra++ programs in bench/cpp run
// beside their C++17 versions compiled by clang++-14.
//
//	go run ./bench                 # from the repository root
//	go run ./bench -nokernels -notools -only vecsort   # one terra++ pair
//	go run ./bench -runs 3 -o bench/RESULTS.md
//
// Kernels time themselves (the thread's CPU time around the kernel, with
// the same clock_gettime call in C and Terra), so compile and JIT time and
// other load on the machine stay out of the kernel figures. Until terrac
// can build executables the .t programs run under the JIT (terrac FILE.t);
// once `terrac build -o EXE FILE.t` works the harness uses the executable.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

var (
	runs      = flag.Int("runs", 5, "runs of each program")
	only      = flag.String("only", "", "comma-separated kernel names to run (default all)")
	outFile   = flag.String("o", "", "also write the report to this file")
	noTools   = flag.Bool("notools", false, "skip the toolchain figures")
	noConf    = flag.Bool("noconformance", false, "skip timing the conformance suite")
	noKern    = flag.Bool("nokernels", false, "skip the C kernels")
	noCpp     = flag.Bool("nocpp", false, "skip the terra++ against C++ table")
	noImage   = flag.Bool("noimage", false, "skip the image writers against the standard tools")
	noSteps   = flag.Bool("nosteps", false, "skip the image step engine's rebuild table")
	useTerrac = flag.String("terrac", "", "run this terrac binary instead of building one")
	noHdrs    = flag.Bool("noheaders", false, "skip the header import table")
)

// The terra++ programs in bench/cpp (NAME.t beside NAME.cpp) are found by
// glob and compared with clang++-14; see cpp.go.

// kernels lists the benchmarks in bench/kernels (NAME.t and NAME.c).
// staged marks the one where the .t program is staged and the C is the
// straightforward generic version, so a ratio below 1 is the point.
var kernels = []struct {
	name   string
	staged bool
}{
	{"nbody", false}, {"fannkuch", false}, {"spectralnorm", false},
	{"mandelbrot", false}, {"matmul", false}, {"binarytrees", false},
	{"conv", true},
}

// cflags are the C compilers' flags. -ffp-contract=off keeps the C
// compilers from fusing a*b+c into FMAs, which Terra never does, so both
// sides do the same IEEE arithmetic and print the same digits.
var cflags = []string{"-O3", "-march=native", "-ffp-contract=off"}

func main() {
	flag.Parse()
	start := time.Now()
	root, err := repoRoot()
	if err != nil {
		fail(err)
	}
	tmp, err := os.MkdirTemp("", "terrac-bench")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(tmp)
	terrac := filepath.Join(tmp, "terrac")
	if *useTerrac != "" {
		// A given binary, for example one built before a change, for
		// before and after figures.
		if terrac, err = filepath.Abs(*useTerrac); err != nil {
			fail(err)
		}
	} else if out, err := runCmd(root, nil, "go", "build", "-tags", "llvmstatic", "-o", terrac, "./cmd/terrac"); err != nil {
		fail(fmt.Errorf("building terrac: %v\n%s", err, out))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# terrac benchmarks\n\n%s\n", machine())
	fmt.Fprintf(&b, "Command: `go run ./bench -runs %d`; medians of %d runs, runs of all forms interleaved.\n\n", *runs, *runs)
	if !*noKern {
		kernelTable(&b, root, tmp, terrac)
	}
	if !*noCpp {
		cppTable(&b, root, tmp, terrac)
	}
	if !*noImage {
		archiveTable(&b, root, tmp, terrac)
		fatTable(&b, root, tmp, terrac)
	}
	if !*noTools {
		toolTable(&b, root, tmp, terrac)
	}
	if !*noSteps {
		stepsTable(&b, root, tmp, terrac)
	}
	if !*noHdrs {
		headerTable(&b, root, tmp, terrac)
	}
	if !*noGrowth {
		growthTable(&b, tmp, terrac)
	}
	fmt.Fprintf(&b, "\nHarness wall time: %.0f s.\n", time.Since(start).Seconds())
	fmt.Print(b.String())
	if *outFile != "" {
		if err := os.WriteFile(*outFile, []byte(b.String()), 0o644); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "bench:", err)
	os.Exit(1)
}

// repoRoot finds the module root from the working directory upwards.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			if _, err := os.Stat(filepath.Join(dir, "bench", "kernels")); err == nil {
				return dir, nil
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("run from inside the terrac repository")
		}
		dir = parent
	}
}

func runCmd(dir string, env []string, name string, args ...string) ([]byte, error) {
	c := exec.Command(name, args...)
	c.Dir = dir
	c.Env = append(os.Environ(), env...)
	return c.CombinedOutput()
}

// machine describes the machine the figures come from.
func machine() string {
	var lines []string
	if out, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(out), "\n") {
			if strings.HasPrefix(l, "model name") {
				lines = append(lines, "CPU: "+strings.TrimSpace(strings.SplitN(l, ":", 2)[1]))
				break
			}
		}
	}
	if out, err := exec.Command("nproc").Output(); err == nil {
		lines = append(lines, "cores: "+strings.TrimSpace(string(out)))
	}
	if out, err := os.ReadFile("/proc/meminfo"); err == nil {
		lines = append(lines, "memory: "+strings.Join(strings.Fields(strings.SplitN(string(out), "\n", 2)[0])[1:], " "))
	}
	if out, err := exec.Command("uname", "-sr").Output(); err == nil {
		lines = append(lines, "kernel: "+strings.TrimSpace(string(out)))
	}
	for _, c := range [][]string{{"clang-14", "--version"}, {"gcc", "--version"}, {"go", "version"}} {
		if out, err := exec.Command(c[0], c[1:]...).Output(); err == nil {
			lines = append(lines, c[0]+": "+strings.SplitN(strings.TrimSpace(string(out)), "\n", 2)[0])
		}
	}
	if out, err := os.ReadFile("/proc/loadavg"); err == nil {
		lines = append(lines, "load average at start (1, 5, 15 min): "+strings.Join(strings.Fields(string(out))[:3], " "))
	}
	return "Machine:\n\n- " + strings.Join(lines, "\n- ") + "\n"
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func maxOf(xs []int64) int64 {
	var m int64
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}

func mib(kb int64) string { return fmt.Sprintf("%.0f MiB", float64(kb)/1024) }
