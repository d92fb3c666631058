package jit

import (
	"errors"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"unsafe"
)

const faultIR = `
declare void @abort()
declare void @llvm.trap()

; args holds an i32* that the caller sets to nil.
define void @t_null_write(i8* %args, i8* %ret) {
  %pp = bitcast i8* %args to i32**
  %p = load i32*, i32** %pp
  store i32 1, i32* %p
  ret void
}

define void @t_div(i8* %args, i8* %ret) {
  %pa = bitcast i8* %args to i32*
  %a = load i32, i32* %pa
  %pb = getelementptr i32, i32* %pa, i64 1
  %b = load i32, i32* %pb
  %q = sdiv i32 %a, %b
  %pr = bitcast i8* %ret to i32*
  store i32 %q, i32* %pr
  ret void
}

define void @t_trap(i8* %args, i8* %ret) {
  call void @llvm.trap()
  unreachable
}

define void @t_abort(i8* %args, i8* %ret) {
  call void @abort()
  unreachable
}

; Deep recursion that cannot become a loop: every frame keeps 4 KiB live.
define i64 @t_deep(i64 %n) {
  %buf = alloca [512 x i64]
  %p = getelementptr [512 x i64], [512 x i64]* %buf, i64 0, i64 0
  store volatile i64 %n, i64* %p
  %n1 = add i64 %n, 1
  %r = call i64 @t_deep(i64 %n1)
  %v = load volatile i64, i64* %p
  %s = add i64 %r, %v
  ret i64 %s
}

define void @t_overflow(i8* %args, i8* %ret) {
  %r = call i64 @t_deep(i64 0)
  %pr = bitcast i8* %ret to i64*
  store i64 %r, i64* %pr
  ret void
}
`

var faultOnce sync.Once

func faultFn(t *testing.T, name string) uintptr {
	t.Helper()
	faultOnce.Do(func() { addIR(t, faultIR) })
	return lookup(t, mustJIT(t), name)
}

func wantFault(t *testing.T, err error, sig syscall.Signal, msg string) *Fault {
	t.Helper()
	var f *Fault
	if !errors.As(err, &f) {
		t.Fatalf("error = %v (%T), want a *Fault", err, err)
	}
	if f.Signal != sig || !strings.Contains(err.Error(), msg) {
		t.Fatalf("fault = %v (signal %v), want %v %q", err, f.Signal, sig, msg)
	}
	if f.PC == 0 {
		t.Errorf("fault without pc: %v", err)
	}
	return f
}

func TestFaultNullWrite(t *testing.T) {
	w := faultFn(t, "t_null_write")
	add := addWrap(t)
	for i := 0; i < 3; i++ { // the handler must stay armed
		var p *int32
		err := Call(w, unsafe.Pointer(&p), nil)
		f := wantFault(t, err, syscall.SIGSEGV, "segmentation fault in native code")
		if f.Addr != 0 {
			t.Errorf("fault address %#x, want 0", f.Addr)
		}
		if f.PC < w || f.PC > w+64 {
			t.Errorf("fault pc %#x not in t_null_write at %#x", f.PC, w)
		}
		if name, off, ok := mustJIT(t).SymbolAt(f.PC); !ok || name != "t_null_write" || off != f.PC-w {
			t.Errorf("SymbolAt(%#x) = %q+%#x, %v", f.PC, name, off, ok)
		}
		if f.Symbol != "t_null_write" || !strings.Contains(err.Error(), "in t_null_write+0x") {
			t.Errorf("fault does not name t_null_write: %v", err)
		}
		if got := callAdd(t, add, 2, 3); got != 5 {
			t.Fatalf("after fault, t_add = %d", got)
		}
	}
	// A valid pointer works through the same function.
	var x int32
	p := &x
	var pin runtime.Pinner // args holds a Go pointer
	pin.Pin(p)
	defer pin.Unpin()
	if err := Call(w, unsafe.Pointer(&p), nil); err != nil || x != 1 {
		t.Fatalf("valid write: x=%d err=%v", x, err)
	}
}

func TestGoFaultsStayGoPanics(t *testing.T) {
	faultFn(t, "t_null_write") // handlers installed
	defer func() {
		r := recover()
		if err, ok := r.(runtime.Error); !ok || !strings.Contains(err.Error(), "nil pointer") {
			t.Fatalf("recovered %v, want a nil pointer runtime.Error", r)
		}
	}()
	var p *int
	*p = 1
}

func TestCallNil(t *testing.T) {
	if err := Call(0, nil, nil); err == nil {
		t.Fatal("Call(0) succeeded")
	}
	if _, _, ok := mustJIT(t).SymbolAt(1); ok {
		t.Fatal("SymbolAt(1) found something")
	}
}

func TestFaultDivide(t *testing.T) {
	w := faultFn(t, "t_div")
	args, ret := [2]int32{7, 0}, int32(0)
	wantFault(t, Call(w, unsafe.Pointer(&args), unsafe.Pointer(&ret)), syscall.SIGFPE, "division by zero")
	args[1] = 2
	if err := Call(w, unsafe.Pointer(&args), unsafe.Pointer(&ret)); err != nil || ret != 3 {
		t.Fatalf("7/2 = %d, %v", ret, err)
	}
}

func TestFaultTrap(t *testing.T) {
	wantFault(t, Call(faultFn(t, "t_trap"), nil, nil), syscall.SIGILL, "illegal instruction")
	callAdd(t, addWrap(t), 1, 1)
}

func TestFaultAbort(t *testing.T) {
	for i := 0; i < 2; i++ {
		wantFault(t, Call(faultFn(t, "t_abort"), nil, nil), syscall.SIGABRT, "abort in native code")
	}
	callAdd(t, addWrap(t), 1, 1)
}

func TestFaultStackOverflow(t *testing.T) {
	var ret int64
	wantFault(t, Call(faultFn(t, "t_overflow"), nil, unsafe.Pointer(&ret)), syscall.SIGSEGV, "segmentation fault")
	callAdd(t, addWrap(t), 1, 1)
}

func TestFaultOnOtherGoroutines(t *testing.T) {
	w := faultFn(t, "t_null_write")
	add := addWrap(t)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				var p *int32
				if err := Call(w, unsafe.Pointer(&p), nil); err == nil {
					t.Error("no fault")
					return
				}
				args, r := [2]int32{int32(i), 1}, int32(0)
				if err := Call(add, unsafe.Pointer(&args), unsafe.Pointer(&r)); err != nil || r != int32(i+1) {
					t.Errorf("add: %d %v", r, err)
					return
				}
			}
		}()
	}
	wg.Wait()
}

const callbackIR = `
declare void @terrac_callback(i64, i8*, i8*)

; t_cb_wrap(args, ret): callback 1 with the same buffers, then *ret += 1000.
define void @t_cb_wrap(i8* %args, i8* %ret) {
  call void @terrac_callback(i64 1, i8* %args, i8* %ret)
  %p = bitcast i8* %ret to i64*
  %v = load i64, i64* %p
  %v1 = add i64 %v, 1000
  store i64 %v1, i64* %p
  ret void
}

; t_cb_id(args, ret): callback with the id in args.
define void @t_cb_id(i8* %args, i8* %ret) {
  %p = bitcast i8* %args to i64*
  %id = load i64, i64* %p
  call void @terrac_callback(i64 %id, i8* %args, i8* %ret)
  ret void
}
`

var callbackOnce sync.Once

func callbackFns(t *testing.T) (wrap, byID uintptr) {
	t.Helper()
	callbackOnce.Do(func() { addIR(t, callbackIR) })
	j := mustJIT(t)
	return lookup(t, j, "t_cb_wrap"), lookup(t, j, "t_cb_id")
}

func TestCallbackReentrant(t *testing.T) {
	wrap, _ := callbackFns(t)
	depth, maxDepth := 0, 0
	old := SetCallbackHandler(func(id int64, args, ret unsafe.Pointer) {
		if id != 1 {
			t.Errorf("callback id %d", id)
			return
		}
		depth++
		maxDepth = max(maxDepth, depth)
		defer func() { depth-- }()
		n := *(*int64)(args)
		if n == 0 {
			*(*int64)(ret) = 7
			return
		}
		// Go → native → Go → native again.
		m, r := n-1, int64(0)
		if err := Call(wrap, unsafe.Pointer(&m), unsafe.Pointer(&r)); err != nil {
			t.Errorf("nested Call: %v", err)
		}
		*(*int64)(ret) = r
	})
	defer SetCallbackHandler(old)
	n, r := int64(5), int64(0)
	if err := Call(wrap, unsafe.Pointer(&n), unsafe.Pointer(&r)); err != nil {
		t.Fatal(err)
	}
	if r != 6007 || maxDepth != 6 {
		t.Fatalf("result %d depth %d, want 6007 and 6", r, maxDepth)
	}
}

func TestCallbackPanic(t *testing.T) {
	wrap, byID := callbackFns(t)
	nullWrite := faultFn(t, "t_null_write")
	boom := errors.New("boom")
	old := SetCallbackHandler(func(id int64, args, ret unsafe.Pointer) {
		switch id {
		case 2: // an error raised through native frames
			panic(boom)
		case 3: // a Go fault inside a callback is Go's, not a native fault
			var p *int
			*p = 1
		case 4: // a native fault inside a nested call stays in that call
			var np *int32
			err := Call(nullWrite, unsafe.Pointer(&np), nil)
			var f *Fault
			if !errors.As(err, &f) {
				panic("nested fault not reported")
			}
			*(*int64)(ret) = 44
		case 1:
			*(*int64)(ret) = 1
		}
	})
	defer SetCallbackHandler(old)

	id, r := int64(2), int64(0)
	err := Call(byID, unsafe.Pointer(&id), unsafe.Pointer(&r))
	var cp *CallbackPanic
	if !errors.As(err, &cp) || !errors.Is(err, boom) {
		t.Fatalf("error = %v (%T), want CallbackPanic(boom)", err, err)
	}

	id = 3
	err = Call(byID, unsafe.Pointer(&id), unsafe.Pointer(&r))
	if !errors.As(err, &cp) || !strings.Contains(err.Error(), "nil pointer dereference") {
		t.Fatalf("error = %v (%T), want CallbackPanic(nil dereference)", err, err)
	}

	id = 4
	if err := Call(byID, unsafe.Pointer(&id), unsafe.Pointer(&r)); err != nil || r != 44 {
		t.Fatalf("nested fault: r=%d err=%v", r, err)
	}

	// Afterwards callbacks still work and the outer frames are intact.
	n := int64(0)
	if err := Call(wrap, unsafe.Pointer(&n), unsafe.Pointer(&r)); err != nil || r != 1001 {
		t.Fatalf("after panics: r=%d err=%v", r, err)
	}
}
