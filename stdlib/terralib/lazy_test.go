package terralib

import (
	"fmt"
	"strings"
	"testing"
)

// run loads and runs src in a fresh runtime and returns the error text.
func run(t *testing.T, rt *Runtime, name, src string) string {
	t.Helper()
	fn, err := rt.LoadString(name, []byte(src))
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	if err := rt.Run(fn); err != nil {
		return err.Error()
	}
	return ""
}

func TestUnusedFunctionIsNeverChecked(t *testing.T) {
	rt := New()
	defer rt.Close()
	msg := run(t, rt, "lazy.t", `
terra bad() : int return true end   -- a type error nobody asks about
terra good(x : int) : int return x + 1 end
assert(good(41) == 42)
`)
	if msg != "" {
		t.Fatalf("program failed: %s", msg)
	}
}

func TestCheckedOnFirstNeed(t *testing.T) {
	rt := New()
	defer rt.Close()
	msg := run(t, rt, "need.t", `
terra bad() : int
  return true
end
local ok, err = pcall(function() return bad:gettype() end)
assert(not ok)
error(err, 0)
`)
	for _, want := range []string{"need.t:3:10: invalid conversion from bool to int32", "Errors reported during typechecking."} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
}

func TestReachableFunctionsCompileInOneBatch(t *testing.T) {
	rt := New()
	defer rt.Close()
	msg := run(t, rt, "batch.t", `
terra a(x : int) : int return x * 2 end
terra b(x : int) : int return a(x) + 1 end
terra c(x : int) : int return b(x) + a(x) end
assert(c(5) == 21)
`)
	if msg != "" {
		t.Fatalf("program failed: %s", msg)
	}
	// One module for a, b and c, and one for the Lua-call wrapper of
	// their type, int32 -> int32.
	if n := rt.Engine.Batches(); n != 2 {
		t.Errorf("compiled in %d modules, want 2", n)
	}
	// A later call of an already compiled function of the same type
	// compiles nothing.
	msg = run(t, rt, "batch2.t", `assert(b(1) == 3)`)
	if msg != "" {
		t.Fatalf("second program failed: %s", msg)
	}
	if n := rt.Engine.Batches(); n != 2 {
		t.Errorf("after calling b: %d modules, want 2", n)
	}
}

func TestDefinitionTimeCapture(t *testing.T) {
	rt := New()
	defer rt.Close()
	msg := run(t, rt, "capture.t", `
local k = 10
terra addk(x : int) : int return x + k end
k = 20 -- specialization already happened: the function keeps 10
assert(addk(1) == 11)
`)
	if msg != "" {
		t.Fatalf("program failed: %s", msg)
	}
}

// A definition group longer than Lua's limits on locals and call
// arguments (one group of 1,000 functions, one function calling 500).
func TestLongDefinitionGroup(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&b, "terra f%d(x : int) : int return x + %d end\n", i, i)
	}
	b.WriteString("terra runall() : int\n  var s = 0\n")
	for i := 0; i < 500; i++ {
		fmt.Fprintf(&b, "  s = s + f%d(1)\n", i)
	}
	b.WriteString("  return s\nend\nassert(runall() == 125250)\nassert(f999(1) == 1000)\n")
	rt := New()
	defer rt.Close()
	if msg := run(t, rt, "group.t", b.String()); msg != "" {
		t.Fatalf("program failed: %s", msg)
	}
}
