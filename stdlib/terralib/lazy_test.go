package terralib

import (
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
	if n := rt.Engine.Batches(); n != 1 {
		t.Errorf("compiled in %d batches, want 1", n)
	}
	// A later call of an already compiled function needs only its wrapper.
	msg = run(t, rt, "batch2.t", `assert(b(1) == 3)`)
	if msg != "" {
		t.Fatalf("second program failed: %s", msg)
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
