package conformance

// The terra++ examples (examples/cpp/NAME.t with NAME.out) are held to three
// standards: they print NAME.out under the JIT; `terrac build` turns each
// into an executable that prints the same with no terrac on the machine's
// PATH; and that executable runs clean under valgrind memcheck — no errors,
// nothing in use at exit, and enough allocations that "no leaks" means
// something.

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// minHeapBlocks is the fewest allocations an example must make for its
// leak check to count.
const minHeapBlocks = 1000

func TestCppExamples(t *testing.T) {
	progs, err := filepath.Glob("../examples/cpp/*.t")
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(progs)
	var withOut []string
	for _, p := range progs {
		if exists(strings.TrimSuffix(p, ".t") + ".out") {
			withOut = append(withOut, p)
		}
	}
	if len(withOut) == 0 {
		t.Skip("no examples/cpp programs yet")
	}
	bin := terrac(t)
	valgrind, verr := exec.LookPath("valgrind")
	if verr != nil && os.Getenv("TERRA_TESTS_REQUIRED") == "1" {
		t.Fatal("valgrind is not installed (scripts/setup.sh installs it)")
	}
	for _, prog := range withOut {
		name := strings.TrimSuffix(filepath.Base(prog), ".t")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			t.Run("jit", func(t *testing.T) { runProgram(t, bin, prog) })
			exe := buildExample(t, bin, prog)
			want, _ := readFile(t, strings.TrimSuffix(prog, ".t")+".out")
			t.Run("exe", func(t *testing.T) {
				got := runStandalone(t, exe)
				if d := cmp.Diff(want, got); d != "" {
					t.Errorf("executable output differs from %s.out (-want +got):\n%s", name, d)
				}
			})
			t.Run("memcheck", func(t *testing.T) {
				if valgrind == "" {
					t.Skip("valgrind not installed")
				}
				checkMemcheck(t, valgrind, exe)
			})
		})
	}
}

// buildExample compiles prog with `terrac build` for a CPU valgrind can
// emulate (3.19 has no AVX-512, which the host CPU would otherwise get).
func buildExample(t *testing.T, bin, prog string) string {
	t.Helper()
	exe := filepath.Join(t.TempDir(), strings.TrimSuffix(filepath.Base(prog), ".t"))
	cmd := exec.Command(bin, "build", "-O3", "--cpu", "x86-64-v3", "-o", exe, filepath.Base(prog))
	cmd.Dir = filepath.Dir(prog)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("terrac build %s: %v\n%s", prog, err, out)
	}
	return exe
}

// runStandalone runs exe from an empty directory with a PATH that holds
// no terrac, and returns its stdout.
func runStandalone(t *testing.T, exe string) string {
	t.Helper()
	cmd := exec.Command(exe)
	cmd.Dir = t.TempDir()
	cmd.Env = []string{"PATH=/usr/bin:/bin", "HOME=" + cmd.Dir}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", exe, err, stderr.String())
	}
	return string(out)
}

var (
	memErrors  = regexp.MustCompile(`ERROR SUMMARY: (\d+) errors`)
	memInUse   = regexp.MustCompile(`in use at exit: ([\d,]+) bytes in ([\d,]+) blocks`)
	memAllocs  = regexp.MustCompile(`total heap usage: ([\d,]+) allocs, ([\d,]+) frees`)
	memSummary = []*regexp.Regexp{memErrors, memInUse, memAllocs}
)

// checkMemcheck runs exe under memcheck and holds it to 0 errors, 0 bytes
// in use at exit and at least minHeapBlocks allocations.
func checkMemcheck(t *testing.T, valgrind, exe string) {
	t.Helper()
	cmd := exec.Command(valgrind, "--leak-check=full", "--errors-for-leak-kinds=definite,indirect",
		"--error-exitcode=1", exe)
	cmd.Dir = t.TempDir()
	out, err := cmd.CombinedOutput()
	report := string(out)
	if err != nil {
		t.Fatalf("valgrind failed: %v\n%s", err, tail(report))
	}
	for _, re := range memSummary {
		if re.FindStringSubmatch(report) == nil {
			t.Fatalf("valgrind report lacks %q:\n%s", re, tail(report))
		}
	}
	if n := memErrors.FindStringSubmatch(report)[1]; n != "0" {
		t.Errorf("memcheck found %s errors:\n%s", n, tail(report))
	}
	if b := memInUse.FindStringSubmatch(report)[1]; b != "0" {
		t.Errorf("%s bytes in use at exit:\n%s", b, tail(report))
	}
	allocs, _ := strconv.Atoi(strings.ReplaceAll(memAllocs.FindStringSubmatch(report)[1], ",", ""))
	if allocs < minHeapBlocks {
		t.Errorf("only %d heap allocations; an example must make at least %d for its leak check to count", allocs, minHeapBlocks)
	}
}
