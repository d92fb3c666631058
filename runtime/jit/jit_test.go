package jit

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"unsafe"
)

// The JIT is process-wide, so every test uses symbol names of its own.

var moduleSeq atomic.Int64

func mustJIT(t testing.TB) *JIT {
	t.Helper()
	j, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	return j
}

func addIR(t testing.TB, ir string) *JIT {
	t.Helper()
	j := mustJIT(t)
	name := fmt.Sprintf("test%d.ll", moduleSeq.Add(1))
	if err := j.AddIR(ir, name); err != nil {
		t.Fatalf("AddIR: %v", err)
	}
	return j
}

// fresh returns a symbol prefix unique in this process, so a test can run
// more than once (-count) against the one JIT.
func fresh() string { return fmt.Sprintf("t%d_", moduleSeq.Add(1)) }

// addFresh adds ir with every "@t_" renamed to "@"+p.
func addFresh(t testing.TB, p, ir string) *JIT {
	t.Helper()
	return addIR(t, strings.ReplaceAll(ir, "@t_", "@"+p))
}

func lookup(t testing.TB, j *JIT, name string) uintptr {
	t.Helper()
	addr, err := j.Lookup(name)
	if err != nil {
		t.Fatalf("Lookup %s: %v", name, err)
	}
	if addr == 0 {
		t.Fatalf("Lookup %s: address 0", name)
	}
	return addr
}

const addIRText = `
define i32 @t_add(i32 %a, i32 %b) {
  %r = add i32 %a, %b
  ret i32 %r
}

define void @t_add_wrap(i8* %args, i8* %ret) {
  %pa = bitcast i8* %args to i32*
  %a = load i32, i32* %pa
  %pb8 = getelementptr i8, i8* %args, i64 4
  %pb = bitcast i8* %pb8 to i32*
  %b = load i32, i32* %pb
  %r = call i32 @t_add(i32 %a, i32 %b)
  %pr = bitcast i8* %ret to i32*
  store i32 %r, i32* %pr
  ret void
}
`

var addOnce sync.Once

// addWrap returns t_add_wrap, adding its module on first use.
func addWrap(t testing.TB) uintptr {
	t.Helper()
	addOnce.Do(func() { addIR(t, addIRText) })
	return lookup(t, mustJIT(t), "t_add_wrap")
}

func callAdd(t testing.TB, w uintptr, a, b int32) int32 {
	t.Helper()
	args := [2]int32{a, b}
	var ret int32
	if err := Call(w, unsafe.Pointer(&args), unsafe.Pointer(&ret)); err != nil {
		t.Fatalf("Call t_add_wrap: %v", err)
	}
	return ret
}

func TestDefaultIsSingleton(t *testing.T) {
	a, b := mustJIT(t), mustJIT(t)
	if a != b {
		t.Fatal("Default returned two JITs")
	}
	if a.Triple() == "" || a.DataLayout() == "" {
		t.Fatalf("triple %q, data layout %q", a.Triple(), a.DataLayout())
	}
}

func TestAddAndCall(t *testing.T) {
	w := addWrap(t)
	if got := callAdd(t, w, 40, 2); got != 42 {
		t.Fatalf("t_add(40, 2) = %d", got)
	}
	if got := callAdd(t, w, -7, 3); got != -4 {
		t.Fatalf("t_add(-7, 3) = %d", got)
	}
	// The plain function is there too and has the same address each time.
	j := mustJIT(t)
	if lookup(t, j, "t_add") != lookup(t, j, "t_add") {
		t.Fatal("two addresses for t_add")
	}
}

func TestCrossModuleAndLibc(t *testing.T) {
	p := fresh()
	j := addFresh(t, p, `
declare double @sqrt(double)
declare i64 @strlen(i8*)
@s = private constant [6 x i8] c"hello\00"

define double @t_hyp(double %a, double %b) {
  %aa = fmul double %a, %a
  %bb = fmul double %b, %b
  %s = fadd double %aa, %bb
  %r = call double @sqrt(double %s)
  ret double %r
}

define i64 @t_len() {
  %n = call i64 @strlen(i8* getelementptr ([6 x i8], [6 x i8]* @s, i64 0, i64 0))
  ret i64 %n
}
`)
	// A second module uses the first by name.
	addFresh(t, p, `
declare double @t_hyp(double, double)
declare i64 @t_len()

define void @t_hyp_wrap(i8* %args, i8* %ret) {
  %p = bitcast i8* %args to double*
  %a = load double, double* %p
  %p1 = getelementptr double, double* %p, i64 1
  %b = load double, double* %p1
  %h = call double @t_hyp(double %a, double %b)
  %n = call i64 @t_len()
  %nf = sitofp i64 %n to double
  %r = fadd double %h, %nf
  %pr = bitcast i8* %ret to double*
  store double %r, double* %pr
  ret void
}
`)
	w := lookup(t, j, p+"hyp_wrap")
	args := [2]float64{3, 4}
	var ret float64
	if err := Call(w, unsafe.Pointer(&args), unsafe.Pointer(&ret)); err != nil {
		t.Fatal(err)
	}
	if ret != 10 {
		t.Fatalf("hyp(3,4)+strlen(hello) = %v, want 10", ret)
	}
}

func TestOptLevels(t *testing.T) {
	j := mustJIT(t)
	defer j.SetOptions(j.Options())
	p := fresh()
	for lvl := 0; lvl <= 3; lvl++ {
		j.SetOptions(Options{OptLevel: lvl})
		addFresh(t, p, fmt.Sprintf(`
define void @t_opt%d_wrap(i8* %%args, i8* %%ret) {
  %%p = bitcast i8* %%args to i64*
  %%n = load i64, i64* %%p
  br label %%loop
loop:
  %%i = phi i64 [ 0, %%0 ], [ %%i1, %%loop ]
  %%s = phi i64 [ 0, %%0 ], [ %%s1, %%loop ]
  %%s1 = add i64 %%s, %%i
  %%i1 = add i64 %%i, 1
  %%c = icmp slt i64 %%i1, %%n
  br i1 %%c, label %%loop, label %%done
done:
  %%pr = bitcast i8* %%ret to i64*
  store i64 %%s1, i64* %%pr
  ret void
}
`, lvl))
		w := lookup(t, j, fmt.Sprintf("%sopt%d_wrap", p, lvl))
		n, ret := int64(101), int64(0)
		if err := Call(w, unsafe.Pointer(&n), unsafe.Pointer(&ret)); err != nil {
			t.Fatal(err)
		}
		if ret != 5050 {
			t.Fatalf("O%d: sum = %d", lvl, ret)
		}
	}
}

func TestBadIR(t *testing.T) {
	j := mustJIT(t)
	err := j.AddIR("define i32 @t_bad() {\n  ret i32 %nope x\n}\n", "bad.ll")
	if err == nil {
		t.Fatal("no error for bad IR")
	}
	if !strings.Contains(err.Error(), "bad.ll:2:") {
		t.Fatalf("error lacks position: %v", err)
	}
	var je *Error
	if !errors.As(err, &je) || je.Op != "AddIR" {
		t.Fatalf("error %T %v is not an AddIR *Error", err, err)
	}

	// Parses, but the verifier rejects it.
	err = j.AddIR(`
define i32 @t_unverified() {
  %a = add i32 %b, 1
  %b = add i32 %a, 1
  ret i32 %a
}
`, "dom.ll")
	if err == nil || !strings.Contains(err.Error(), "dom.ll: invalid module") ||
		!strings.Contains(err.Error(), "dominate") {
		t.Fatalf("verifier error = %v", err)
	}
	if err := Verify("define void @f() {\n  ret void\n}\n", "ok.ll"); err != nil {
		t.Fatalf("Verify of good IR: %v", err)
	}
	if err := Verify("garbage", "g.ll"); err == nil || !strings.Contains(err.Error(), "g.ll:1:1") {
		t.Fatalf("Verify of garbage = %v", err)
	}
}

func TestDuplicateDefinition(t *testing.T) {
	p := fresh()
	j := addFresh(t, p, "define i32 @t_dup() {\n  ret i32 1\n}\n")
	err := j.AddIR("define i32 @"+p+"dup() {\n  ret i32 2\n}\n", "dup2.ll")
	if err == nil || !strings.Contains(err.Error(), "Duplicate definition of symbol '"+p+"dup'") {
		t.Fatalf("duplicate definition error = %v", err)
	}
}

func TestUnresolvedSymbol(t *testing.T) {
	p := fresh()
	j := addFresh(t, p, `
declare i32 @t_no_such_function(i32)

define void @t_unresolved_wrap(i8* %args, i8* %ret) {
  %r = call i32 @t_no_such_function(i32 1)
  %p = bitcast i8* %ret to i32*
  store i32 %r, i32* %p
  ret void
}
`)
	_, err := j.Lookup(p + "unresolved_wrap")
	if err == nil || !strings.Contains(err.Error(), "Symbols not found: [ "+p+"no_such_function ]") {
		t.Fatalf("error = %v, want one naming %sno_such_function", err, p)
	}
	t.Logf("unresolved: %v", err)
	_, err = j.Lookup(p + "never_defined")
	if err == nil || !strings.Contains(err.Error(), p+"never_defined") {
		t.Fatalf("error = %v, want one naming t_never_defined", err)
	}
	// The JIT still works.
	if got := callAdd(t, addWrap(t), 1, 2); got != 3 {
		t.Fatalf("t_add after failure = %d", got)
	}
}

var absCounter int64

func TestDefineAbsolute(t *testing.T) {
	j := mustJIT(t)
	p := fresh()
	absCounter = 0
	if err := j.DefineAbsolute(p+"abs_counter", uintptr(unsafe.Pointer(&absCounter))); err != nil {
		t.Fatal(err)
	}
	if err := j.DefineAbsolute(p+"abs_counter", 1); err == nil {
		t.Fatal("redefinition accepted")
	}
	addFresh(t, p, `
@t_abs_counter = external global i64

define void @t_abs_wrap(i8* %args, i8* %ret) {
  %v = load i64, i64* @t_abs_counter
  %v1 = add i64 %v, 42
  store i64 %v1, i64* @t_abs_counter
  ret void
}
`)
	if err := Call(lookup(t, j, p+"abs_wrap"), nil, nil); err != nil {
		t.Fatal(err)
	}
	if absCounter != 42 {
		t.Fatalf("counter = %d", absCounter)
	}
}

func TestLoadLibrary(t *testing.T) {
	j := mustJIT(t)
	err := j.LoadLibrary("/nonexistent/libterrac_nope.so")
	if err == nil || !strings.Contains(err.Error(), "/nonexistent/libterrac_nope.so") {
		t.Fatalf("error = %v", err)
	}
	cc, err := exec.LookPath("clang-14")
	if err != nil {
		if cc, err = exec.LookPath("cc"); err != nil {
			t.Skip("no C compiler to build a test library")
		}
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "lib.c")
	lib := filepath.Join(dir, "libterractest.so")
	if err := os.WriteFile(src, []byte("int lib_triple(int x) { return 3 * x; }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(cc, "-shared", "-fPIC", "-o", lib, src).CombinedOutput(); err != nil {
		t.Skipf("building test library: %v\n%s", err, out)
	}
	if err := j.LoadLibrary(lib); err != nil {
		t.Fatal(err)
	}
	p := fresh()
	addFresh(t, p, `
declare i32 @lib_triple(i32)

define void @t_lib_wrap(i8* %args, i8* %ret) {
  %p = bitcast i8* %args to i32*
  %a = load i32, i32* %p
  %r = call i32 @lib_triple(i32 %a)
  %pr = bitcast i8* %ret to i32*
  store i32 %r, i32* %pr
  ret void
}
`)
	a, ret := int32(14), int32(0)
	if err := Call(lookup(t, j, p+"lib_wrap"), unsafe.Pointer(&a), unsafe.Pointer(&ret)); err != nil {
		t.Fatal(err)
	}
	if ret != 42 {
		t.Fatalf("lib_triple(14) = %d", ret)
	}
}

func TestConcurrent(t *testing.T) {
	w := addWrap(t)
	j := mustJIT(t)
	var wg sync.WaitGroup
	p := fresh()
	errs := make(chan error, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			name := fmt.Sprintf("%sconc%d", p, g)
			ir := fmt.Sprintf("define void @%s(i8* %%a, i8* %%r) {\n  %%p = bitcast i8* %%r to i32*\n  store i32 %d, i32* %%p\n  ret void\n}\n", name, g)
			if err := j.AddIR(ir, name+".ll"); err != nil {
				errs <- err
				return
			}
			addr, err := j.Lookup(name)
			if err != nil {
				errs <- err
				return
			}
			for i := 0; i < 1000; i++ {
				var r int32
				if err := Call(addr, nil, unsafe.Pointer(&r)); err != nil || r != int32(g) {
					errs <- fmt.Errorf("%s: %d, %v", name, r, err)
					return
				}
				args := [2]int32{int32(i), int32(g)}
				if err := Call(w, unsafe.Pointer(&args), unsafe.Pointer(&r)); err != nil || r != int32(i+g) {
					errs <- fmt.Errorf("add: %d, %v", r, err)
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestEmitObject(t *testing.T) {
	obj, err := EmitObject(addIRText, 2, "obj")
	if err != nil {
		t.Fatal(err)
	}
	if len(obj) < 4 || string(obj[:4]) != "\x7fELF" {
		t.Fatalf("not an ELF object: % x", obj[:min(len(obj), 8)])
	}
	asm, err := EmitObject(addIRText, 0, "asm")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(asm), "t_add_wrap:") {
		t.Fatalf("assembly lacks t_add_wrap:\n%s", asm)
	}
	if _, err := EmitObject(addIRText, 2, "exe"); err == nil {
		t.Fatal("kind exe accepted")
	}
	if _, err := EmitObject("nonsense", 2, "obj"); err == nil {
		t.Fatal("bad IR accepted")
	}
}

func TestHost(t *testing.T) {
	if tr := HostTriple(); !strings.Contains(tr, "-") {
		t.Fatalf("HostTriple = %q", tr)
	}
	if dl := HostDataLayout(); !strings.HasPrefix(dl, "e-") && !strings.HasPrefix(dl, "E-") {
		t.Fatalf("HostDataLayout = %q", dl)
	}
	t.Logf("triple %s cpu %s layout %s", HostTriple(), HostCPU(), HostDataLayout())
}

// sigName is for messages.
func sigName(err error) string {
	var f *Fault
	if errors.As(err, &f) {
		return f.Signal.String()
	}
	return fmt.Sprint(err)
}

var _ = syscall.SIGSEGV

// TestDataSymbolsAndThreadLocals covers a C data symbol (stdout, as Terra's
// C.stdout) and a thread_local, which the JIT emulates (emutls).
func TestDataSymbolsAndThreadLocals(t *testing.T) {
	j := mustJIT(t)
	p := fresh()
	err := j.AddIR(`
%FILE = type opaque
@stdout = external global %FILE*
declare i32 @fflush(%FILE*)
@`+p+`tls = thread_local global i64 5

define void @`+p+`probe(i8* %a, i8* %r) {
  %f = load %FILE*, %FILE** @stdout
  %x = call i32 @fflush(%FILE* %f)
  %v = load i64, i64* @`+p+`tls
  %v1 = add i64 %v, 1
  store i64 %v1, i64* @`+p+`tls
  %pr = bitcast i8* %r to i64*
  store i64 %v1, i64* %pr
  ret void
}
`, "probe.ll")
	if err != nil {
		t.Fatal(err)
	}
	addr, err := j.Lookup(p + "probe")
	if err != nil {
		t.Fatal(err)
	}
	var r int64
	if err := Call(addr, nil, unsafe.Pointer(&r)); err != nil {
		t.Fatal(err)
	}
	if r != 6 {
		t.Fatalf("thread-local = %d, want 6", r)
	}
}
