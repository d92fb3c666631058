package jit

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"unsafe"
)

const mulAddIR = `
define double @t_muladd(double %a, double %b) {
  %m = fmul double %a, %b
  %r = fadd double %m, %a
  ret double %r
}

define void @t_muladd_wrap(i8* %args, i8* %ret) {
  %p = bitcast i8* %args to double*
  %a = load double, double* %p
  %p1 = getelementptr double, double* %p, i64 1
  %b = load double, double* %p1
  %r = call double @t_muladd(double %a, double %b)
  %pr = bitcast i8* %ret to double*
  store double %r, double* %pr
  ret void
}
`

var mulAddOnce sync.Once

// BenchmarkCall measures one Lua → native crossing: Call of a wrapper for a
// function of two doubles.
func BenchmarkCall(b *testing.B) {
	mulAddOnce.Do(func() { addIR(b, mulAddIR) })
	w := lookup(b, mustJIT(b), "t_muladd_wrap")
	args := new([2]float64)
	ret := new(float64)
	args[0], args[1] = 3, 4
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := Call(w, unsafe.Pointer(args), unsafe.Pointer(ret)); err != nil {
			b.Fatal(err)
		}
	}
	if *ret != 15 {
		b.Fatalf("muladd(3, 4) = %v", *ret)
	}
}

// tinyFunc is function i of a batch: a little arithmetic and a call to the
// leaf f0 (a chain f_i → f_i-1 would inline quadratically).
func tinyFunc(sb *strings.Builder, p string, i int) {
	if i == 0 {
		fmt.Fprintf(sb, "define i64 @%sf0(i64 %%x) {\n  %%r = mul i64 %%x, 3\n  ret i64 %%r\n}\n", p)
		return
	}
	fmt.Fprintf(sb, "define i64 @%sf%d(i64 %%x) {\n  %%a = add i64 %%x, %d\n  %%b = call i64 @%sf0(i64 %%a)\n  %%c = xor i64 %%b, %%x\n  ret i64 %%c\n}\n", p, i, i, p)
}

// BenchmarkAddIR compiles 1,000 tiny functions (add, optimize, compile and
// look up every one) as one module and as 1,000 modules.
func BenchmarkAddIR(b *testing.B) {
	const n = 1000
	j := mustJIT(b)
	b.Run("one-module", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			p := fresh()
			var sb strings.Builder
			for k := 0; k < n; k++ {
				tinyFunc(&sb, p, k)
			}
			if err := j.AddIR(sb.String(), p+"batch.ll"); err != nil {
				b.Fatal(err)
			}
			for k := 0; k < n; k++ {
				lookup(b, j, fmt.Sprintf("%sf%d", p, k))
			}
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/func")
	})
	b.Run("many-modules", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			p := fresh()
			for k := 0; k < n; k++ {
				var sb strings.Builder
				if k > 0 {
					fmt.Fprintf(&sb, "declare i64 @%sf0(i64)\n", p)
				}
				tinyFunc(&sb, p, k)
				if err := j.AddIR(sb.String(), fmt.Sprintf("%sf%d.ll", p, k)); err != nil {
					b.Fatal(err)
				}
			}
			for k := 0; k < n; k++ {
				lookup(b, j, fmt.Sprintf("%sf%d", p, k))
			}
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/func")
	})
}

// BenchmarkCallback measures one native → Go crossing inside a Call (the
// Call itself is included; subtract BenchmarkCall).
func BenchmarkCallback(b *testing.B) {
	callbackOnce.Do(func() { addIR(b, callbackIR) })
	w := lookup(b, mustJIT(b), "t_cb_id")
	old := SetCallbackHandler(func(id int64, args, ret unsafe.Pointer) {
		*(*int64)(ret) = id
	})
	defer SetCallbackHandler(old)
	args, ret := new(int64), new(int64)
	*args = 9
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := Call(w, unsafe.Pointer(args), unsafe.Pointer(ret)); err != nil {
			b.Fatal(err)
		}
	}
	if *ret != 9 {
		b.Fatalf("ret = %d", *ret)
	}
}
