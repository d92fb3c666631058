// This file runs Terra's own test suite (kept outside the project) the way
// Terra's runner does and compares the outcome with terra-suite.expect.
//
// The corpus is read from $TERRA_TESTS, or from ../shared/terra-tests next
// to the repository. When it is absent the test skips, unless
// TERRA_TESTS_REQUIRED=1 (set by .ci/run), which makes that a failure.
//
// Each listed test runs as `terrac FILE.t` with an empty stdin, its working
// directory a private copy of the corpus (tests write files there), and a
// time limit. A positive test passes when it exits 0; a negative one also
// needs its first located error ("file:line:") to point into its own file.
// No test may print a Go trace or an internal error.
//
// terra-suite.expect lists every test that does not pass, one per line as
// "NAME<TAB>REASON", where REASON is either
//
//	lazy typechecking (deliberate): FUNCTION
//	deviation: docs/compat.md#ANCHOR
//
// Lines "timeout<TAB>NAME<TAB>DURATION" raise a test's time limit. Any
// unexpected failure and any unexpected pass fails this test, so the list
// can only shrink.
package conformance

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	suiteExpectFile     = "terra-suite.expect"
	suiteDefaultTimeout = 60 * time.Second
	lazyReason          = "lazy typechecking (deliberate): "
	deviationReason     = "deviation: docs/compat.md#"
)

// suiteExpect is the parsed expectations file.
type suiteExpect struct {
	failing  map[string]string // test → reason
	timeouts map[string]time.Duration
}

// suiteOutcome is what one corpus test did.
type suiteOutcome struct {
	name     string
	negative bool
	passed   bool
	why      string // for a failure: what went wrong
	wall     time.Duration
	stdout   string
	stderr   string
}

func TestTerraSuite(t *testing.T) {
	corpus := suiteCorpus(t)
	portable := readList(t, filepath.Join(corpus, "PORTABLE.txt"))
	negative := map[string]bool{}
	for _, n := range readList(t, filepath.Join(corpus, "NEGATIVE.txt")) {
		negative[n] = true
	}
	exp := readSuiteExpect(t, portable)
	bin := terrac(t)

	start := time.Now()
	var mu sync.Mutex
	var outcomes []suiteOutcome
	t.Run("corpus", func(t *testing.T) {
		for _, name := range portable {
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				limit := suiteDefaultTimeout
				if d, ok := exp.timeouts[name]; ok {
					limit = d
				}
				o := runSuiteTest(t, bin, corpus, name, negative[name], limit)
				mu.Lock()
				outcomes = append(outcomes, o)
				mu.Unlock()
				reason, expected := exp.failing[name]
				switch {
				case !o.passed && !expected:
					t.Errorf("%s failed: %s (%.1fs)\nstdout:\n%s\nstderr:\n%s", name, o.why, o.wall.Seconds(), tail(o.stdout), tail(o.stderr))
				case o.passed && expected:
					t.Errorf("%s now passes: remove it from %s (its reason was %q)", name, suiteExpectFile, reason)
				}
			})
		}
	})
	suiteSummary(t, outcomes, exp, time.Since(start))
}

// suiteCorpus locates the corpus, or skips (or fails) when it is absent.
func suiteCorpus(t *testing.T) string {
	dir := os.Getenv("TERRA_TESTS")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "terra-tests")
	}
	abs, err := filepath.Abs(dir)
	if err == nil {
		if _, err = os.Stat(filepath.Join(abs, "PORTABLE.txt")); err == nil {
			return abs
		}
	}
	msg := fmt.Sprintf("Terra's test corpus not found at %s (set TERRA_TESTS to its folder)", dir)
	if os.Getenv("TERRA_TESTS_REQUIRED") == "1" {
		t.Fatal(msg + "; TERRA_TESTS_REQUIRED=1 makes this a failure")
	}
	t.Skip(msg + "; skipping")
	return ""
}

// readList reads a file of names, one per line, ignoring blanks and '#' lines.
func readList(t *testing.T, path string) []string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var names []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line != "" && !strings.HasPrefix(line, "#") {
			names = append(names, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return names
}

func readSuiteExpect(t *testing.T, portable []string) suiteExpect {
	known := map[string]bool{}
	for _, n := range portable {
		known[n] = true
	}
	compat, err := os.ReadFile(filepath.Join("..", "docs", "compat.md"))
	if err != nil {
		t.Fatalf("reading docs/compat.md (deviations are described there): %v", err)
	}
	exp := suiteExpect{failing: map[string]string{}, timeouts: map[string]time.Duration{}}
	data, err := os.ReadFile(suiteExpectFile)
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, " \r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		bad := func(format string, args ...any) {
			t.Errorf("%s:%d: %s", suiteExpectFile, i+1, fmt.Sprintf(format, args...))
		}
		fields := strings.Split(line, "\t")
		if fields[0] == "timeout" {
			if len(fields) != 3 {
				bad("want timeout<TAB>NAME<TAB>DURATION")
				continue
			}
			d, err := time.ParseDuration(fields[2])
			if err != nil || !known[fields[1]] {
				bad("bad timeout line %q", line)
				continue
			}
			exp.timeouts[fields[1]] = d
			continue
		}
		if len(fields) != 2 {
			bad("want NAME<TAB>REASON")
			continue
		}
		name, reason := fields[0], fields[1]
		if !known[name] {
			bad("%s is not in PORTABLE.txt", name)
		}
		if _, dup := exp.failing[name]; dup {
			bad("%s is listed twice", name)
		}
		switch {
		case strings.HasPrefix(reason, lazyReason) && len(reason) > len(lazyReason):
		case strings.HasPrefix(reason, deviationReason):
			anchor := strings.TrimPrefix(reason, deviationReason)
			if !compatHasAnchor(string(compat), anchor) {
				bad("docs/compat.md has no section with anchor %q", anchor)
			}
		default:
			bad("reason %q is neither %q nor %q", reason, lazyReason+"FUNCTION", deviationReason+"ANCHOR")
		}
		exp.failing[name] = reason
	}
	return exp
}

// compatHasAnchor reports whether a heading of compat.md has the GitHub-style
// anchor (lower case, spaces as dashes, punctuation dropped).
func compatHasAnchor(doc, anchor string) bool {
	for _, line := range strings.Split(doc, "\n") {
		if !strings.HasPrefix(line, "#") {
			continue
		}
		if headingAnchor(strings.TrimLeft(line, "# ")) == anchor {
			return true
		}
	}
	return false
}

func headingAnchor(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(h)) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}

// locatedError finds the first "file:line:" position printed by a program.
var locatedError = regexp.MustCompile(`(?m)(?:^|\s)((?:\./)?[A-Za-z0-9_./-]+\.(?:t|lua)):[0-9]+:`)

func runSuiteTest(t *testing.T, bin, corpus, name string, negative bool, limit time.Duration) suiteOutcome {
	o := suiteOutcome{name: name, negative: negative}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(corpus)); err != nil {
		t.Fatalf("copying the corpus: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, name)
	cmd.Dir = dir
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	setProcessGroup(cmd)
	cmd.WaitDelay = 5 * time.Second
	start := time.Now()
	err := cmd.Run()
	o.wall = time.Since(start)
	o.stdout, o.stderr = stdout.String(), stderr.String()
	var exitErr *exec.ExitError
	switch {
	case ctx.Err() == context.DeadlineExceeded:
		o.why = fmt.Sprintf("timed out after %v", limit)
	case errors.As(err, &exitErr):
		o.why = fmt.Sprintf("exit status %d: %s", exitErr.ExitCode(), firstLine(o.stderr))
	case err != nil:
		t.Fatalf("running %s: %v", name, err)
	}
	if o.why == "" {
		for _, m := range append(goTraceMarkers, "internal error") {
			if strings.Contains(o.stderr, m) {
				o.why = fmt.Sprintf("stderr contains %q", m)
				break
			}
		}
	}
	if o.why == "" && negative {
		m := locatedError.FindStringSubmatch(o.stdout + "\n" + o.stderr)
		switch {
		case m == nil:
			o.why = "no located error was printed"
		case filepath.Clean(m[1]) != filepath.Clean(name):
			o.why = fmt.Sprintf("first located error is in %s, not in the test", m[1])
		}
	}
	o.passed = o.why == ""
	return o
}

func suiteSummary(t *testing.T, outcomes []suiteOutcome, exp suiteExpect, wall time.Duration) {
	var counts [2]struct{ passed, failed, expected int }
	for _, o := range outcomes {
		c := &counts[0]
		if o.negative {
			c = &counts[1]
		}
		_, expected := exp.failing[o.name]
		switch {
		case o.passed:
			c.passed++
		case expected:
			c.expected++
		default:
			c.failed++
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Terra suite (%d tests, %.0fs wall):\n", len(outcomes), wall.Seconds())
	for i, kind := range []string{"positive", "negative"} {
		c := counts[i]
		fmt.Fprintf(&b, "  %s: %d passed, %d failed, %d expected failures\n", kind, c.passed, c.failed, c.expected)
	}
	sort.Slice(outcomes, func(i, j int) bool { return outcomes[i].wall > outcomes[j].wall })
	b.WriteString("  slowest:")
	for _, o := range outcomes[:min(8, len(outcomes))] {
		fmt.Fprintf(&b, " %s %.1fs;", o.name, o.wall.Seconds())
	}
	b.WriteString("\n")
	// Printed rather than logged: make test's log shows it for a passing
	// run too.
	fmt.Print(b.String())
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}

// suiteTail keeps the end of a long output, where the error usually is.
func suiteTail(s string) string {
	const max = 3000
	if len(s) <= max {
		return s
	}
	return "…" + s[len(s)-max:]
}
