package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// checkDir copies testdata/check into a fresh directory.
func checkDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	ents, err := os.ReadDir(filepath.Join("testdata", "check"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join("testdata", "check", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var located = regexp.MustCompile(`^[^\s:]+\.t:\d+:\d+: `)

// locations lists the "file:line:col: message" lines of a report.
func locations(stderr string) []string {
	var out []string
	for _, l := range strings.Split(stderr, "\n") {
		if located.MatchString(l) {
			out = append(out, l)
		}
	}
	return out
}

func TestCheckReportsUncalledFunctions(t *testing.T) {
	t.Parallel()
	dir := checkDir(t)
	r := runCmd(t, dir, nil, terrac(t), "check", "uncalled.t")
	want := []string{
		"uncalled.t:2:24: referenced function g has type errors",
		"uncalled.t:3:24: invalid conversion from niltype to int32",
		"uncalled.t:4:25: invalid conversion from &int8 to int32",
	}
	if diff := cmp.Diff(want, locations(r.Stderr)); diff != "" || r.Code != 1 {
		t.Errorf("exit %d, diagnostics (-want +got):\n%s\n%s", r.Code, diff, r.Stderr)
	}
	if !strings.Contains(r.Stderr, "    terra g() : int return nil end\n                           ^~~\n") {
		t.Errorf("no source line and caret:\n%s", r.Stderr)
	}
}

func TestCheckStopsAtCallIntoTerra(t *testing.T) {
	t.Parallel()
	dir := checkDir(t)
	r := runCmd(t, dir, nil, terrac(t), "check", "stops.t")
	want := []string{
		"stops.t:7:10: no field z in terra object of type P",
		"stops.t:10:23: invalid conversion from double to &int8",
	}
	if diff := cmp.Diff(want, locations(r.Stderr)); diff != "" || r.Code != 1 {
		t.Errorf("exit %d, diagnostics (-want +got):\n%s\n%s", r.Code, diff, r.Stderr)
	}
	note := "stopped at stops.t:12: the program calls Terra code here; definitions after this point were not checked"
	if !strings.Contains(r.Stderr, note) {
		t.Errorf("missing %q in:\n%s", note, r.Stderr)
	}
	if strings.Contains(r.Stderr, "stops.t:14") {
		t.Errorf("a definition after the stop was checked:\n%s", r.Stderr)
	}
	if r.Stdout != "" {
		t.Errorf("native code ran and printed %q", r.Stdout)
	}
}

func TestCheckCleanProgram(t *testing.T) {
	t.Parallel()
	dir := checkDir(t)
	r := runCmd(t, dir, nil, terrac(t), "check", "clean.t")
	if diff := cmp.Diff(result{"lua stage ran\n", "", 0}, r); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestCheckLuaErrorsAndLimits(t *testing.T) {
	t.Parallel()
	dir := checkDir(t)
	for _, c := range []struct {
		file  string
		want  []string
		extra string
	}{
		{"luaerr.t", []string{"luaerr.t:1:26: invalid conversion from bool to int32", "luaerr.t:3:1: attempt to index a non-table object(nil) with key 'x'"}, ""},
		{"syntax.t", []string{"syntax.t:1:10: <name> or '...' expected near ':'"}, ""},
		{"loop.t", []string{"loop.t:1:26: invalid conversion from {} to int32"}, "loop.t: the Lua stage was stopped after 500ms"},
	} {
		r := runCmd(t, dir, nil, terrac(t), "check", "--timeout", "0.5", c.file)
		if diff := cmp.Diff(c.want, locations(r.Stderr)); diff != "" || r.Code != 1 {
			t.Errorf("%s: exit %d, diagnostics (-want +got):\n%s\n%s", c.file, r.Code, diff, r.Stderr)
		}
		if !strings.Contains(r.Stderr, c.extra) {
			t.Errorf("%s: missing %q in:\n%s", c.file, c.extra, r.Stderr)
		}
	}
}

func TestCheckNoLuaIO(t *testing.T) {
	t.Parallel()
	dir := checkDir(t)
	out := filepath.Join(dir, "out.txt")
	env := []string{"CHECK_OUT=" + out}
	r := runCmd(t, dir, env, terrac(t), "check", "writes.t")
	if r.Code != 0 {
		t.Fatalf("exit %d:\n%s", r.Code, r.Stderr)
	}
	if _, err := os.Stat(out); err != nil {
		t.Errorf("without --no-lua-io the Lua stage's I/O should run: %v", err)
	}
	os.Remove(out)
	r = runCmd(t, dir, env, terrac(t), "check", "--no-lua-io", "writes.t")
	want := []string{"writes.t:2:1: io.open is disabled by --no-lua-io"}
	if diff := cmp.Diff(want, locations(r.Stderr)); diff != "" || r.Code != 1 {
		t.Errorf("exit %d, diagnostics (-want +got):\n%s\n%s", r.Code, diff, r.Stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("--no-lua-io let the program write %s", out)
	}
}

func TestCheckJSON(t *testing.T) {
	t.Parallel()
	dir := checkDir(t)
	r := runCmd(t, dir, nil, terrac(t), "check", "--json", "uncalled.t", "clean.t")
	if r.Code != 1 {
		t.Fatalf("exit %d:\n%s", r.Code, r.Stderr)
	}
	if !strings.Contains(r.Stderr, "lua stage ran\n") {
		t.Errorf("the program's own output should go to stderr:\n%s", r.Stderr)
	}
	var got []jsonDiagnostic
	sc := bufio.NewScanner(strings.NewReader(r.Stdout))
	for sc.Scan() {
		var d jsonDiagnostic
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		got = append(got, d)
	}
	want := []jsonDiagnostic{
		{File: "uncalled.t", Line: 2, Column: 24, EndLine: 2, EndColumn: 25, Severity: "error", Message: "referenced function g has type errors"},
		{File: "uncalled.t", Line: 3, Column: 24, EndLine: 3, EndColumn: 27, Severity: "error", Message: "invalid conversion from niltype to int32"},
		{File: "uncalled.t", Line: 4, Column: 25, EndLine: 4, EndColumn: 28, Severity: "error", Message: "invalid conversion from &int8 to int32"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestCheckUsage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, args := range [][]string{{"check"}, {"check", "--bogus", "x.t"}, {"check", "--timeout", "x"}} {
		r := runCmd(t, dir, nil, terrac(t), args...)
		if r.Code != 2 || !strings.Contains(r.Stderr, "usage: terrac check") {
			t.Errorf("%v: exit %d\n%s", args, r.Code, r.Stderr)
		}
	}
}
