package jit

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unsafe"
)

// loopIR is a module with a loop: never tiny, so the default mode gives it
// the full -O3 pipeline. Its names are renamed per test (@t_).
const loopIR = `
@t_scale = global double 0.5

define double @t_iter(i32 %n, double %y) {
entry:
  br label %head
head:
  %k = phi i32 [ 0, %entry ], [ %k1, %body ]
  %s = phi double [ %y, %entry ], [ %s1, %body ]
  %c = icmp slt i32 %k, %n
  br i1 %c, label %body, label %done
body:
  %f = load double, double* @t_scale
  %m = fmul double %s, %f
  %s1 = fadd double %m, 1.0
  %k1 = add i32 %k, 1
  br label %head
done:
  ret double %s
}

define void @t_iter_wrap(i8* %args, i8* %ret) {
  %pn = bitcast i8* %args to i32*
  %n = load i32, i32* %pn
  %py8 = getelementptr i8, i8* %args, i64 8
  %py = bitcast i8* %py8 to double*
  %y = load double, double* %py
  %r = call double @t_iter(i32 %n, double %y) noinline
  %pr = bitcast i8* %ret to double*
  store double %r, double* %pr
  ret void
}
`

// TestPipelinesReusedGiveSameObject checks that the optimizer and code
// generator pipelines kept across modules (pipeline.cpp) carry nothing
// from one module to the next: a module compiled again after another one
// gives the same object bytes.
func TestPipelinesReusedGiveSameObject(t *testing.T) {
	j := mustJIT(t)
	p := fresh()
	ir := strings.ReplaceAll(loopIR, "@t_", "@"+p)
	a, cheap, err := j.compileObject(ir, "a.ll")
	if err != nil || a == nil {
		t.Fatalf("compile: %v (object %v)", err, a != nil)
	}
	if cheap {
		t.Fatalf("a module with a loop took the cheap path in the default mode")
	}
	other := strings.ReplaceAll(addIRText, "@t_", "@"+fresh())
	if _, _, err := j.compileObject(other, "b.ll"); err != nil {
		t.Fatal(err)
	}
	b, _, err := j.compileObject(ir, "a.ll")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatalf("the same module compiled twice gave different objects (%d and %d bytes)", len(a), len(b))
	}
}

// TestFastStart checks that in fast-start mode a module with a loop takes
// the cheap path and still computes right, and that the default mode
// compiles the same module the full way.
func TestFastStart(t *testing.T) {
	j := mustJIT(t)
	defer j.SetOptions(j.Options())
	j.SetOptions(Options{OptLevel: 3, FastStart: true})
	p := fresh()
	ir := strings.ReplaceAll(loopIR, "@t_", "@"+p)
	if _, cheap, err := j.compileObject(ir, "fast.ll"); err != nil || !cheap {
		t.Fatalf("fast start: cheap path %v, error %v", cheap, err)
	}
	addFresh(t, p, loopIR)
	w := lookup(t, j, p+"iter_wrap")
	args := struct {
		n int32
		_ int32
		y float64
	}{n: 3, y: 1.0}
	var ret float64
	if err := Call(w, unsafe.Pointer(&args), unsafe.Pointer(&ret)); err != nil {
		t.Fatal(err)
	}
	// s = 1 -> 1.5 -> 1.75 -> 1.875
	if ret != 1.875 {
		t.Fatalf("iter(3, 1.0) = %v, want 1.875", ret)
	}
	j.SetOptions(Options{OptLevel: 3})
	if _, cheap, err := j.compileObject(ir, "full.ll"); err != nil || cheap {
		t.Fatalf("default mode: cheap path %v, error %v", cheap, err)
	}
}

// longChainIR is a function of 3n+1 instructions in one block, long
// enough for the code generators to switch LLVM's X86 domain
// reassignment pass off while compiling it (pipeline.cpp).
func longChainIR(p string, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "define i32 @%slong(i32 %%x) {\nentry:\n  %%a0 = add i32 %%x, 0\n", p)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "  %%m%d = mul i32 %%a%d, 3\n  %%x%d = xor i32 %%x, %d\n  %%a%d = add i32 %%m%d, %%x%d\n", i, i-1, i, i, i, i, i)
	}
	fmt.Fprintf(&b, "  ret i32 %%a%d\n}\n", n)
	fmt.Fprintf(&b, "define void @%slong_wrap(i8* %%args, i8* %%ret) {\n  %%px = bitcast i8* %%args to i32*\n  %%x = load i32, i32* %%px\n  %%r = call i32 @%slong(i32 %%x)\n  %%pr = bitcast i8* %%ret to i32*\n  store i32 %%r, i32* %%pr\n  ret void\n}\n", p, p)
	return b.String()
}

// TestLongFunctionCompiles checks that a function past the long-function
// limit is compiled correctly (through the JIT and as an emitted object),
// and that the pass switched off for it is on again afterwards.
func TestLongFunctionCompiles(t *testing.T) {
	const n = 1500 // 4,501 instructions
	j := mustJIT(t)
	p := fresh()
	if err := j.AddIR(longChainIR(p, n), p+"long.ll"); err != nil {
		t.Fatal(err)
	}
	w := lookup(t, j, p+"long_wrap")
	for _, x := range []int32{0, 1, -7, 123456} {
		want := x
		for i := int32(1); i <= n; i++ {
			want = want*3 + (x ^ i)
		}
		args := [2]int32{x}
		var got int32
		if err := Call(w, unsafe.Pointer(&args), unsafe.Pointer(&got)); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("long(%d) = %d, want %d", x, got, want)
		}
	}
	if domainReassignmentOff() {
		t.Errorf("domain reassignment still switched off after the JIT compiled a long function")
	}
	obj, err := Emit(longChainIR(fresh(), n), Target{}, 3, KindObject)
	if err != nil || len(obj) == 0 {
		t.Fatalf("emit: %v (%d bytes)", err, len(obj))
	}
	if domainReassignmentOff() {
		t.Errorf("domain reassignment still switched off after emitting an object")
	}
}

// optnoneIR calls an external function in a block that is never taken.
// Optimized, the block and with it the call and the symbol's reference
// are gone; in an optnone function the call stays (even the -O0 code
// generator keeps the block), so the object names the external symbol.
const optnoneIR = `
declare void @t_never()

define i32 @t_pick(i32 %x) ATTRS {
entry:
  br i1 false, label %dead, label %live
dead:
  call void @t_never()
  br label %live
live:
  %r = add i32 %x, 1
  ret i32 %r
}
`

// TestOptnoneSkipsOptimizer checks that a module holding an optnone
// function is not optimized while plain modules are, in either order:
// the two take differently instrumented copies of the pipeline.
func TestOptnoneSkipsOptimizer(t *testing.T) {
	j := mustJIT(t)
	for round := 0; round < 2; round++ {
		for _, optnone := range []bool{round == 0, round != 0} {
			p := fresh()
			attrs := ""
			if optnone {
				attrs = "optnone noinline"
			}
			ir := strings.ReplaceAll(strings.ReplaceAll(optnoneIR, "@t_", "@"+p), "ATTRS", attrs)
			obj, _, err := j.compileObject(ir, p+".ll")
			if err != nil || obj == nil {
				t.Fatalf("compile (optnone %v): %v", optnone, err)
			}
			kept := bytes.Contains(obj, []byte(p+"never"))
			if kept != optnone {
				t.Errorf("round %d, optnone %v: call kept in the object = %v", round, optnone, kept)
			}
		}
	}
}
