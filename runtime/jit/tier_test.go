package jit

import (
	"testing"
	"unsafe"
)

// TestTinyAndLoopModules checks that a tiny module (compiled by the fast
// path in tier.c) and a module with a loop (the full path) both compute
// right, and that each can call the other's functions.
func TestTinyAndLoopModules(t *testing.T) {
	p := fresh()
	j := addFresh(t, p, `
define internal i32 @t_sq(i32 %x) {
  %r = mul i32 %x, %x
  ret i32 %r
}

define i32 @t_tiny(i32 %x) {
  %s = call i32 @t_sq(i32 %x)
  %r = add i32 %s, 1
  ret i32 %r
}
`)
	addFresh(t, p, `
declare i32 @t_tiny(i32)

; t_loop(n) = sum of t_tiny(i) for i in [0, n)
define i32 @t_loop(i32 %n) {
entry:
  br label %head
head:
  %i = phi i32 [ 0, %entry ], [ %i1, %body ]
  %acc = phi i32 [ 0, %entry ], [ %acc1, %body ]
  %c = icmp slt i32 %i, %n
  br i1 %c, label %body, label %done
body:
  %v = call i32 @t_tiny(i32 %i)
  %acc1 = add i32 %acc, %v
  %i1 = add i32 %i, 1
  br label %head
done:
  ret i32 %acc
}
`)
	addFresh(t, p, `
declare i32 @t_loop(i32)

define void @t_wrap(i8* %args, i8* %ret) {
  %pa = bitcast i8* %args to i32*
  %a = load i32, i32* %pa
  %r = call i32 @t_loop(i32 %a)
  %pr = bitcast i8* %ret to i32*
  store i32 %r, i32* %pr
  ret void
}
`)
	w := lookup(t, j, p+"wrap")
	for _, c := range []struct{ n, want int32 }{{0, 0}, {1, 1}, {4, 0 + 1 + 2 + 5 + 10}} {
		arg, ret := c.n, int32(-1)
		if err := Call(w, unsafe.Pointer(&arg), unsafe.Pointer(&ret)); err != nil {
			t.Fatalf("Call: %v", err)
		}
		if ret != c.want {
			t.Errorf("t_loop(%d) = %d, want %d", c.n, ret, c.want)
		}
	}
}
