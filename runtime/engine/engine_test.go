// This file tests compile batches on hand-built trees with the real
// checker and JIT (no Lua runtime).
package engine

import (
	"strings"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"
	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/check"
	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/runtime/jit"
)

// noHost answers no Lua questions: the trees below hold no Lua values.
type noHost struct{}

func (noHost) AsType(lua.LValue) *types.Type         { return nil }
func (noHost) AsFunction(lua.LValue) *tree.Function  { return nil }
func (noHost) Method(*types.Type, string) lua.LValue { return lua.LNil }

func lit(n int32) tree.Expr {
	return &tree.IntLit{ExprBase: tree.ExprBase{Type: types.Int32}, Bits: uint64(uint32(n))}
}

// define gives fn the body `return e` and type {} -> int32.
func define(fn *tree.Function, e tree.Expr) *tree.Function {
	fn.Def = &tree.FuncDef{Result: types.Int32, Body: &tree.Block{Stmts: []tree.Stmt{&tree.Return{Exprs: []tree.Expr{e}}}}}
	fn.Type = types.FuncOf(nil, types.Int32, false)
	return fn
}

func call(fn *tree.Function) tree.Expr {
	return &tree.Call{Fn: &tree.FuncRef{Fn: fn}}
}

func plus(a, b tree.Expr) tree.Expr { return &tree.Binary{Op: "+", X: a, Y: b} }

func names(fs []*tree.Function) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Name)
	}
	return out
}

// run calls fn through its Lua-call wrapper.
func run(t *testing.T, e *Engine, fn *tree.Function) int32 {
	t.Helper()
	w, err := e.Wrapper(fn)
	if err != nil {
		t.Fatalf("Wrapper(%s): %v", fn.Name, err)
	}
	var ret int32
	if err := jit.Call(w, nil, unsafe.Pointer(&ret)); err != nil {
		t.Fatalf("call %s: %v", fn.Name, err)
	}
	return ret
}

func TestCompileBatches(t *testing.T) {
	e := New(check.New(noHost{}))
	h := define(tree.NewFunction("h"), lit(40))
	g := define(tree.NewFunction("g"), plus(call(h), lit(2)))
	f := define(tree.NewFunction("f"), plus(call(g), call(h)))
	other := define(tree.NewFunction("other"), lit(5))

	if err := e.Check(f); err != nil {
		t.Fatal(err)
	}
	// Everything f reaches, once each, f first; unrelated functions stay out.
	if diff := cmp.Diff([]string{"f", "g", "h"}, names(reachable(f))); diff != "" {
		t.Errorf("reachable(f) (-want +got):\n%s", diff)
	}

	if _, err := e.Address(f); err != nil {
		t.Fatal(err)
	}
	if got := e.Batches(); got != 1 {
		t.Errorf("after Address(f): %d batches, want 1 (one module for f, g, h)", got)
	}
	for _, fn := range []*tree.Function{f, g, h} {
		if !fn.Compiled {
			t.Errorf("%s not marked compiled", fn.Name)
		}
	}
	if other.Compiled {
		t.Errorf("unreachable function compiled")
	}

	// Compiled functions are not compiled again.
	if _, err := e.Address(g); err != nil {
		t.Fatal(err)
	}
	if got := e.Batches(); got != 1 {
		t.Errorf("Address of a compiled function made batch %d", got)
	}

	// A new caller of compiled code is a batch of its own.
	k := define(tree.NewFunction("k"), plus(call(g), lit(100)))
	if err := e.Check(k); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"k"}, names(reachable(k))); diff != "" {
		t.Errorf("reachable(k) (-want +got):\n%s", diff)
	}
	if got := run(t, e, k); got != 142 {
		t.Errorf("k() = %d, want 142", got)
	}
	if got := e.Batches(); got != 2 {
		t.Errorf("after k: %d batches, want 2", got)
	}

	// A wrapper for an already compiled function needs one module, then
	// it is cached.
	if got := run(t, e, f); got != 82 {
		t.Errorf("f() = %d, want 82", got)
	}
	w1, _ := e.Wrapper(f)
	if got := e.Batches(); got != 3 {
		t.Errorf("after f's wrapper: %d batches, want 3", got)
	}
	w2, err := e.Wrapper(f)
	if err != nil || w2 != w1 {
		t.Errorf("second Wrapper(f) = %#x, %v; want cached %#x", w2, err, w1)
	}
	if got := e.Batches(); got != 3 {
		t.Errorf("cached wrapper made batch %d", got)
	}
	a1, _ := e.Address(h)
	a2, _ := e.Address(h)
	if a1 == 0 || a1 != a2 {
		t.Errorf("Address(h) = %#x then %#x, want the same non-zero address", a1, a2)
	}
}

func TestDeclaredButUndefined(t *testing.T) {
	e := New(check.New(noHost{}))
	u := tree.NewFunction("undef")
	u.Type = types.FuncOf(nil, types.Int32, false)
	caller := define(tree.NewFunction("caller"), call(u))

	_, err := e.Address(caller)
	if err == nil || !strings.Contains(err.Error(), "function undef is not defined") {
		t.Fatalf("Address(caller) error = %v, want 'function undef is not defined'", err)
	}
	if caller.Compiled || e.Batches() != 0 {
		t.Errorf("a failed batch compiled something: caller.Compiled=%v batches=%d", caller.Compiled, e.Batches())
	}
	// Defining it later makes the caller compile.
	define(u, lit(7))
	if got := run(t, e, caller); got != 7 {
		t.Errorf("caller() = %d, want 7", got)
	}
}

func TestVerifyOnly(t *testing.T) {
	e := New(check.New(noHost{}))
	e.SetVerifyOnly()
	f := define(tree.NewFunction("f"), plus(lit(1), lit(2)))
	if _, err := e.Address(f); err != ErrVerifyOnly {
		t.Errorf("Address in verify-only mode: %v, want ErrVerifyOnly", err)
	}
	if !f.Compiled || e.Batches() != 1 {
		t.Errorf("verify-only batch: compiled=%v batches=%d, want true 1", f.Compiled, e.Batches())
	}
}
