// This file tests how `terrac FILE.t` and `terrac run` report problems:
// unreadable files, syntax, type and Lua errors, crashing Terra code,
// and how program arguments arrive.
package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// cliDir copies testdata/cli files into a fresh directory.
func cliDir(t *testing.T, files ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join("testdata", "cli", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestCLIUnreadable(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "sub.t"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"missing.t"}, "terrac: cannot read missing.t: no such file or directory\n"},
		{[]string{"run", "missing.t", "x"}, "terrac: cannot read missing.t: no such file or directory\n"},
		{[]string{"sub.t"}, "terrac: cannot read sub.t: is a directory\n"},
		{[]string{"build", "missing.t"}, "terrac: cannot read missing.t: no such file or directory\n"},
	} {
		r := runCmd(t, dir, nil, terrac(t), c.args...)
		if diff := cmp.Diff(result{"", c.want, 1}, r); diff != "" {
			t.Errorf("terrac %v (-want +got):\n%s", c.args, diff)
		}
	}
}

func TestCLISyntaxError(t *testing.T) {
	t.Parallel()
	dir := cliDir(t, "syntax.t")
	r := runCmd(t, dir, nil, terrac(t), "syntax.t")
	want := "syntax.t:4:1: unexpected symbol near 'end'\n    end\n    ^\n"
	if diff := cmp.Diff(result{"", want, 1}, r); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestCLITypeError(t *testing.T) {
	t.Parallel()
	dir := cliDir(t, "typeerr.t")
	r := runCmd(t, dir, nil, terrac(t), "typeerr.t")
	want := "typeerr.t:4:10: invalid conversion from &int8 to int32\n" +
		"      return x + s\n" +
		"             ^~~~~\n" +
		"Errors reported during typechecking.\n"
	if diff := cmp.Diff(result{"", want, 1}, r); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestCLILuaError(t *testing.T) {
	t.Parallel()
	dir := cliDir(t, "luaerr.t")
	r := runCmd(t, dir, nil, terrac(t), "luaerr.t")
	want := "luaerr.t:2:1: attempt to index a non-table object(nil) with key 'sub'\n" +
		"    local function g(t) return t.field.sub end\n" +
		"    ^\n" +
		"stack traceback:\n" +
		"\tluaerr.t:2: in function 'g'\n" +
		"\tluaerr.t:4: in main chunk\n"
	if diff := cmp.Diff(result{"before\n", want, 1}, r); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestCLISegfault checks that a crash in Terra code is reported at the
// faulting Terra expression with the function's name, and the process
// exits non-zero without a Go trace (runCmd fails on one); output printed
// before is kept.
func TestCLISegfault(t *testing.T) {
	t.Parallel()
	dir := cliDir(t, "segv.t")
	// With line information (TERRAC_DEBUG_INFO=lines, as -g gives) the
	// fault is reported at the Terra expression.
	r := runCmd(t, dir, []string{"TERRAC_DEBUG_INFO=lines"}, terrac(t), "segv.t")
	if r.Stdout != "before\n" || r.Code == 0 {
		t.Errorf("stdout %q, exit %d; want \"before\\n\", non-zero", r.Stdout, r.Code)
	}
	re := regexp.MustCompile(`^segv\.t:2:28: segmentation fault [^\n]*\bboom\b[^\n]*address 0x0\b.*\n` +
		`    terra boom\(p : &int\) : int return @p end\n {31}\^\n$`)
	if !re.MatchString(r.Stderr) {
		t.Errorf("stderr:\n%s\nwant match for %s", r.Stderr, re)
	}
}

// Without line information (the default) the fault still names the
// Terra function and shows no Go trace.
func TestCLISegfaultDefault(t *testing.T) {
	t.Parallel()
	dir := cliDir(t, "segv.t")
	r := runCmd(t, dir, []string{"TERRAC_DEBUG_INFO="}, terrac(t), "segv.t")
	if r.Stdout != "before\n" || r.Code == 0 {
		t.Errorf("stdout %q, exit %d; want \"before\\n\", non-zero", r.Stdout, r.Code)
	}
	if !strings.Contains(r.Stderr, "segmentation fault") || !strings.Contains(r.Stderr, "boom") || strings.Contains(r.Stderr, "goroutine ") {
		t.Errorf("stderr:\n%s\nwant a segmentation fault naming boom and no Go trace", r.Stderr)
	}
}

func TestCLIRunArgs(t *testing.T) {
	t.Parallel()
	dir := cliDir(t, "args.t")
	for _, args := range [][]string{{"run", "args.t"}, {"args.t"}} {
		r := runCmd(t, dir, nil, terrac(t), append(args, "4", "x y", "38")...)
		want := "3\targs.t\t4\tx y\t38\n42\n"
		if diff := cmp.Diff(result{want, "", 0}, r); diff != "" {
			t.Errorf("terrac %s (-want +got):\n%s", strings.Join(args, " "), diff)
		}
	}
}

// TestVersion checks that --version and version print terrac's version,
// its LLVM and the Terra release it follows, rather than reading a file.
func TestVersion(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, arg := range []string{"--version", "version"} {
		r := runCmd(t, dir, nil, terrac(t), arg)
		lines := strings.Split(strings.TrimSpace(r.Stdout), "\n")
		if r.Code != 0 || len(lines) != 3 || !strings.HasPrefix(lines[0], "terrac 0.") ||
			lines[1] != "LLVM 14.0" || !strings.HasPrefix(lines[2], "Terra-compatible: Terra 1.2") {
			t.Errorf("terrac %s: exit %d\n%s%s", arg, r.Code, r.Stdout, r.Stderr)
		}
	}
}
