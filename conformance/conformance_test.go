// Package conformance runs Terra programs through the terrac command and
// compares what they print with expected output kept next to them.
//
// Layout and conventions:
//
//   - Every conformance/**/NAME.t is a test, run as a subtest named by its
//     path without ".t" (e.g. "core/arith_int"); examples/NAME.t is one when
//     examples/NAME.out exists.
//   - The program runs as `terrac NAME.t [args…]` with its own directory as
//     working directory, no standard input, and a time limit (-timeout-each,
//     60 s by default; the whole process group is killed when it expires).
//   - A first line `-- ARGS: a b c` passes those words as the program's
//     arguments (visible in the Lua `arg` table).
//   - NAME.out: the program must exit 0 and its stdout must equal the file
//     byte for byte.
//   - NAME.err: the program must fail (non-zero exit). Each non-empty line of
//     NAME.err must occur in stderr, in that order (as substrings, so a line
//     can hold "prog.t:3:12: message" or "Errors reported during
//     typechecking."). If NAME.out exists as well, stdout must equal it.
//   - For every program, stderr must not contain a Go trace ("goroutine ",
//     "panic:").
//
// Flags (go test ./conformance -args …, or directly after the package):
//
//	-update            rewrite NAME.out from the actual stdout (never NAME.err)
//	-timeout-each D    time limit per program (default 60s)
//
// Environment:
//
//	TERRAC_BIN=path/to/binary    use that binary instead of building
//	                             ./cmd/terrac (relative paths are taken
//	                             from the repository root; e.g. to test the
//	                             harness itself with a fake terrac that
//	                             replays NAME.out/NAME.err)
package conformance

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var (
	update      = flag.Bool("update", false, "rewrite NAME.out files from the programs' actual stdout")
	timeoutEach = flag.Duration("timeout-each", 60*time.Second, "time limit for one program")
)

// goTraceMarkers are texts that only a Go runtime trace prints; a user-facing
// error must never contain them.
var goTraceMarkers = []string{"goroutine ", "panic:"}

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
	tempDir   string
)

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if tempDir != "" {
		os.RemoveAll(tempDir)
	}
	os.Exit(code)
}

// terrac returns the path of the terrac binary under test, building
// ./cmd/terrac once per test process unless TERRAC_BIN names one.
func terrac(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		if p := os.Getenv("TERRAC_BIN"); p != "" {
			binPath, buildErr = overrideBinary(p)
			if buildErr == nil {
				// Stat ties go test's cached result to the binary.
				_, buildErr = os.Stat(binPath)
			}
			return
		}
		root, err := filepath.Abs("..")
		if err != nil {
			buildErr = err
			return
		}
		tempDir, err = os.MkdirTemp("", "terrac-conformance-")
		if err != nil {
			buildErr = err
			return
		}
		// The installed layout, PREFIX/bin/{terrac,terra}: programs find
		// the terra command as terralib.terrahome.."/bin/terra".
		binPath = filepath.Join(tempDir, "bin", "terrac")
		consultSources(root)
		cmd := exec.Command("go", "build", "-o", binPath, "./cmd/terrac")
		cmd.Dir = root
		out, err := cmd.CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build ./cmd/terrac failed: %v\n%s", err, out)
			return
		}
		buildErr = os.Symlink("terrac", filepath.Join(tempDir, "bin", "terra"))
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// overrideBinary resolves TERRAC_BIN: a bare name is looked up in PATH, a
// relative path is taken from the repository root (where `go test ./...`
// is usually typed), an absolute path is used as is.
func overrideBinary(p string) (string, error) {
	switch {
	case !strings.ContainsRune(p, filepath.Separator):
		return exec.LookPath(p)
	case filepath.IsAbs(p):
		return p, nil
	default:
		return filepath.Abs(filepath.Join("..", p))
	}
}

func TestConformance(t *testing.T) {
	var progs []string
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "lib" {
			return filepath.SkipDir // modules the programs load, not programs
		}
		if !d.IsDir() && strings.HasSuffix(path, ".t") {
			progs = append(progs, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(progs) == 0 {
		t.Fatal("no conformance programs found")
	}
	runAll(t, progs, false)
}

func TestExamples(t *testing.T) {
	progs, err := filepath.Glob("../examples/*.t")
	if err != nil {
		t.Fatal(err)
	}
	runAll(t, progs, true)
}

func runAll(t *testing.T, progs []string, needOut bool) {
	bin := terrac(t)
	sort.Strings(progs)
	for _, prog := range progs {
		base := strings.TrimSuffix(prog, ".t")
		if needOut && !exists(base+".out") {
			continue
		}
		name := filepath.ToSlash(strings.TrimPrefix(base, "../"))
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			runProgram(t, bin, prog)
		})
	}
}

// result is what one run of a program produced.
type result struct {
	stdout, stderr string
	exitCode       int // -1 when the process did not exit normally
	timedOut       bool
}

func runProgram(t *testing.T, bin, prog string) {
	base := strings.TrimSuffix(prog, ".t")
	wantOut, hasOut := readFile(t, base+".out")
	wantErr, hasErr := readFile(t, base+".err")
	if !hasOut && !hasErr && !*update {
		t.Fatalf("%s has neither %s nor %s", prog, filepath.Base(base)+".out", filepath.Base(base)+".err")
	}

	src, err := os.ReadFile(prog)
	if err != nil {
		t.Fatal(err)
	}
	res, err := run(bin, filepath.Dir(prog), filepath.Base(prog), programArgs(src))
	if err != nil {
		t.Fatal(err)
	}
	if res.timedOut {
		t.Fatalf("timed out after %v and was killed\nstdout:\n%s\nstderr:\n%s", *timeoutEach, res.stdout, res.stderr)
	}
	for _, m := range goTraceMarkers {
		if strings.Contains(res.stderr, m) {
			t.Errorf("stderr contains a Go trace (%q); errors must be reported without one:\n%s", m, res.stderr)
			break
		}
	}

	if hasErr {
		if res.exitCode == 0 {
			t.Errorf("exit status 0, want a failure\nstderr:\n%s", res.stderr)
		}
		if missing := matchLines(wantErr, res.stderr); missing != "" {
			t.Errorf("stderr lacks %q (lines of %s must appear in order)\nstderr:\n%s",
				missing, filepath.Base(base)+".err", res.stderr)
		}
	} else if res.exitCode != 0 {
		t.Errorf("exit status %d, want 0\nstderr:\n%s", res.exitCode, res.stderr)
	}

	if *update && (hasOut || !hasErr) {
		if !hasErr && res.exitCode != 0 {
			t.Errorf("not updating %s.out: the program failed", base)
			return
		}
		if !hasOut || wantOut != res.stdout {
			if err := os.WriteFile(base+".out", []byte(res.stdout), 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("updated %s.out", base)
		}
		return
	}
	if hasOut && wantOut != res.stdout {
		t.Errorf("stdout differs from %s (-want +got):\n%s\nstderr:\n%s",
			filepath.Base(base)+".out", diffLines(wantOut, res.stdout), res.stderr)
	}
}

// run executes `bin file args…` in dir with an empty stdin and the per-program
// time limit, killing the whole process group when the limit expires.
func run(bin, dir, file string, args []string) (result, error) {
	ctx, cancel := context.WithTimeout(context.Background(), *timeoutEach)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, append([]string{file}, args...)...)
	cmd.Dir = dir
	cmd.Stdin = nil
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	setProcessGroup(cmd)
	cmd.WaitDelay = 5 * time.Second
	err := cmd.Run()
	res := result{stdout: stdout.String(), stderr: stderr.String()}
	if ctx.Err() == context.DeadlineExceeded {
		res.timedOut = true
		return res, nil
	}
	var exitErr *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exitErr):
		res.exitCode = exitErr.ExitCode()
		if res.exitCode == 0 {
			res.exitCode = -1
		}
	default:
		return res, fmt.Errorf("running %s %s: %v", bin, file, err)
	}
	return res, nil
}

// programArgs returns the words of a first line "-- ARGS: …", if any.
func programArgs(src []byte) []string {
	first, _, _ := bytes.Cut(src, []byte("\n"))
	rest, ok := bytes.CutPrefix(bytes.TrimSpace(first), []byte("-- ARGS:"))
	if !ok {
		return nil
	}
	return strings.Fields(string(rest))
}

// matchLines checks that every non-blank line of want occurs in got, in
// order, each after the end of the previous match. It returns the first line
// that does not, or "".
func matchLines(want, got string) string {
	pos := 0
	for _, line := range strings.Split(want, "\n") {
		line = strings.TrimRight(line, " \t\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		i := strings.Index(got[pos:], line)
		if i < 0 {
			return line
		}
		pos += i + len(line)
	}
	return ""
}

// diffLines shows the difference of two texts line by line.
func diffLines(want, got string) string {
	return cmp.Diff(strings.SplitAfter(want, "\n"), strings.SplitAfter(got, "\n"))
}

func readFile(t *testing.T, path string) (string, bool) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", false
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(b), true
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// consultSources stats every source file terrac is built from. go test
// caches a package's result keyed by the files the test consulted; the
// terrac binary is built by a child process, so without this a cached
// PASS would survive changes to the compiler itself.
func consultSources(root string) {
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if name := d.Name(); name == ".git" || name == "bin" || name == "conformance" {
				return filepath.SkipDir
			}
			return nil
		}
		switch filepath.Ext(path) {
		case ".go", ".c", ".h", ".t", ".lua", ".mod", ".sum":
			os.Stat(path)
		}
		return nil
	})
}
