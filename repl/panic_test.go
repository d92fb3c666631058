package repl

import (
	"strings"
	"testing"

	lua "github.com/yuin/gopher-lua"
)

// A Go panic inside a Lua callback is reported as a terrac bug and the
// session goes on.
func TestSessionReportsGoPanic(t *testing.T) {
	s, out := newTestSession(t)
	s.rt.L.SetGlobal("gobug", s.rt.L.NewFunction(func(*lua.LState) int {
		var m map[string]int
		m["x"] = 1 // a nil-map write: a Go runtime panic
		return 0
	}))
	got, _ := eval(s, out, "gobug()")
	if !strings.Contains(got, "internal error:") || !strings.Contains(got, "terrac bug") {
		t.Errorf("output %q does not report an internal error", got)
	}
	if got, _ := eval(s, out, "= 1 + 2"); strings.TrimSpace(got) != "3" {
		t.Errorf("after the panic, = 1 + 2 printed %q", got)
	}
}
