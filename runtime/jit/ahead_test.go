package jit

import (
	"strings"
	"testing"
	"unsafe"
)

// forceAhead turns compiling ahead on for the test, whatever the machine.
func forceAhead(t *testing.T) {
	AheadEnabled()
	saved := aheadOn
	aheadOn = true
	t.Cleanup(func() { aheadOn = saved })
}

const aheadIRText = `
define i32 @t_sq(i32 %x) {
  %r = mul i32 %x, %x
  ret i32 %r
}

define void @t_sq_wrap(i8* %args, i8* %ret) {
  %pa = bitcast i8* %args to i32*
  %a = load i32, i32* %pa
  %r = call i32 @t_sq(i32 %a)
  %pr = bitcast i8* %ret to i32*
  store i32 %r, i32* %pr
  ret void
}
`

// TestCompileAhead checks that a module offered ahead is compiled by the
// worker and that adding the same code later, under another module name,
// links that object instead of compiling again.
func TestCompileAhead(t *testing.T) {
	forceAhead(t)
	j := mustJIT(t)
	p := fresh()
	body := strings.ReplaceAll(aheadIRText, "@t_", "@"+p)
	j.CompileAhead("source_filename = \"terrac.ahead\"\n" + body)
	a := j.ahead
	if a == nil || a.off {
		t.Fatal("compiling ahead is off after an offer")
	}
	key := objKey(j, body, int(j.Options().cOpt()))
	a.mu.Lock()
	job := a.jobs[key]
	a.mu.Unlock()
	if job == nil {
		t.Fatal("the offer is not held under the module's key")
	}
	<-job.done
	if job.obj == nil {
		t.Fatal("the worker made no object")
	}
	before := a.taken.Load()
	if err := j.AddIR("source_filename = \"terrac.batch99\"\n"+body, "later.ll"); err != nil {
		t.Fatal(err)
	}
	if got := a.taken.Load() - before; got != 1 {
		t.Errorf("%d objects compiled ahead were taken, want 1", got)
	}
	a.mu.Lock()
	held := a.jobs[key] != nil
	a.mu.Unlock()
	if held {
		t.Error("the offer is still held after its module was added")
	}
	if got := callSq(t, j, p, 12); got != 144 {
		t.Errorf("sq(12) = %d, want 144", got)
	}
}

// TestCompileAheadOtherCode checks that an offer is only used for the
// same code: a module that differs is compiled afresh.
func TestCompileAheadOtherCode(t *testing.T) {
	forceAhead(t)
	j := mustJIT(t)
	p := fresh()
	body := strings.ReplaceAll(aheadIRText, "@t_", "@"+p)
	j.CompileAhead(body)
	before := j.ahead.taken.Load()
	other := strings.Replace(body, "mul i32 %x, %x", "add i32 %x, %x", 1)
	if err := j.AddIR(other, "other.ll"); err != nil {
		t.Fatal(err)
	}
	if j.ahead.taken.Load() != before {
		t.Error("an object compiled ahead for other code was used")
	}
	if got := callSq(t, j, p, 12); got != 24 {
		t.Errorf("the added code returned %d, want 24 (12 + 12)", got)
	}
}

// callSq calls the module's function through its wrapper.
func callSq(t *testing.T, j *JIT, prefix string, x int32) int32 {
	t.Helper()
	w := lookup(t, j, prefix+"sq_wrap")
	var ret int32
	if err := Call(w, unsafe.Pointer(&x), unsafe.Pointer(&ret)); err != nil {
		t.Fatal(err)
	}
	return ret
}
