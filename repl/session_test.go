package repl

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"terrac/stdlib/terralib"
)

func newTestSession(t *testing.T) (*Session, *bytes.Buffer) {
	t.Helper()
	rt := terralib.New()
	t.Cleanup(func() {
		if err := rt.Close(); err != nil {
			t.Errorf("closing the runtime: %v", err)
		}
	})
	var out bytes.Buffer
	return NewSession(rt, &out), &out
}

// eval runs inputs line by line as the loop does and returns the output.
func eval(s *Session, out *bytes.Buffer, lines ...string) (string, bool) {
	out.Reset()
	var buf []string
	incomplete := false
	for _, l := range lines {
		buf = append(buf, l)
		incomplete = s.Eval(strings.Join(buf, "\n"))
		if !incomplete {
			buf = nil
		}
	}
	return out.String(), incomplete
}

func TestSessionEval(t *testing.T) {
	s, out := newTestSession(t)
	steps := []struct {
		lines      []string
		want       string
		incomplete bool
	}{
		{[]string{"local x = 40"}, "", false},
		{[]string{"x + 2"}, "42\n", false},
		{[]string{"= x, 'a'"}, "40\ta\n", false},
		{[]string{"terra add(a : int, b : int) : int", "  return a + b"}, "", true},
		{[]string{"terra add(a : int, b : int) : int", "  return a + b", "end"}, "", false},
		{[]string{"add(x, 2)"}, "42\n", false},
		{[]string{"add"}, "terra function add : {int32,int32} -> int32\n", false},
		{[]string{"local function twice(v) return 2 * v end"}, "", false},
		{[]string{"twice(add(1, 2))"}, "6\n", false},
		{[]string{"struct P { x : int; y : double }"}, "", false},
		{[]string{"P"}, "struct P { x : int32; y : double }\n", false},
		{[]string{"terralib.new(P, {1, 2.5})"}, "P{ x = 1, y = 2.5 }\n", false},
		{[]string{"s = [[one", "two]]"}, "", false},
		{[]string{"s"}, "one\ntwo\n", false},
		{[]string{":type add"}, "{int32,int32} -> int32\n", false},
		{[]string{":type x"}, "Lua number\n", false},
		{[]string{"t = {"}, "", true},
		{[]string{"x = = 1"}, "stdin:1:5: unexpected symbol near '='\n    x = = 1\n        ^\n", false},
		{[]string{"x"}, "40\n", false},
	}
	for _, st := range steps {
		got, inc := eval(s, out, st.lines...)
		if inc != st.incomplete {
			t.Errorf("%q: incomplete = %v, want %v", st.lines, inc, st.incomplete)
		}
		if diff := cmp.Diff(st.want, got); diff != "" {
			t.Errorf("%q: output (-want +got):\n%s", st.lines, diff)
		}
	}
}

func TestSessionErrorsKeepState(t *testing.T) {
	s, out := newTestSession(t)
	eval(s, out, "y = 7")
	got, _ := eval(s, out, "nosuch()")
	if !strings.Contains(got, "stdin:1:") || !strings.Contains(got, "attempt to call") {
		t.Errorf("runtime error output = %q", got)
	}
	got, _ = eval(s, out, "terra bad() : int return true end", "bad()")
	if !strings.Contains(got, "Errors reported during typechecking.") {
		t.Errorf("type error output = %q", got)
	}
	if got, _ := eval(s, out, "y * 6"); got != "42\n" {
		t.Errorf("after errors: %q", got)
	}
}

func TestSessionCode(t *testing.T) {
	s, out := newTestSession(t)
	eval(s, out, "terra sq(v : int) : int return v * v end")
	ir, _ := eval(s, out, ":ir sq")
	if !strings.Contains(ir, "define i32 @") || !strings.Contains(ir, "mul") {
		t.Errorf(":ir output:\n%s", ir)
	}
	asm, _ := eval(s, out, ":asm sq")
	if !strings.Contains(asm, "imul") || !strings.Contains(asm, "ret") {
		t.Errorf(":asm output:\n%s", asm)
	}
	if got, _ := eval(s, out, ":ir 3"); !strings.Contains(got, "not a terra function") {
		t.Errorf(":ir 3 = %q", got)
	}
}

func TestComplete(t *testing.T) {
	s, out := newTestSession(t)
	eval(s, out, "config = { verbose = 1, version = 2, name = 'x' }")
	eval(s, out, "struct Point { xcoord : int; ycoord : double }")
	eval(s, out, "terra Point:norm() : double return self.xcoord end")
	eval(s, out, "pt = terralib.new(Point, {1, 2})")
	tests := []struct {
		word, prefix string
		want         []string
	}{
		{"config.ver", "ver", []string{"verbose", "version"}},
		{"terrali", "terrali", []string{"terralib"}},
		{"repe", "repe", []string{"repeat"}},
		{"pt.", "", []string{"norm", "xcoord", "ycoord"}},
		{"pt:", "", []string{"norm"}},
		{"Point.no", "no", []string{"norm"}},
		{"string.up", "up", []string{"upper"}},
		{"nosuch.x", "x", nil},
	}
	for _, tt := range tests {
		got, prefix := s.Complete(tt.word)
		if prefix != tt.prefix {
			t.Errorf("Complete(%q) prefix = %q, want %q", tt.word, prefix, tt.prefix)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Complete(%q) (-want +got):\n%s", tt.word, diff)
		}
	}
}

func TestSessionImportPersists(t *testing.T) {
	s, out := newTestSession(t)
	eval(s, out, `package.terrapath = "../conformance/dsl/?.t"`)
	if got, _ := eval(s, out, `import "lib.arith"`); got != "" {
		t.Fatalf("import: %q", got)
	}
	eval(s, out, "local w = 6")
	if got, _ := eval(s, out, "calc w * (3 + 4) end"); got != "42\n" {
		t.Errorf("calc after import = %q", got)
	}
	if got, _ := eval(s, out, "calctree 1 +", "2 * 3 end"); got != "(1 + (2 * 3))\n" {
		t.Errorf("multi-line extension expression = %q", got)
	}
}
