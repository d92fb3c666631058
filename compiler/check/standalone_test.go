package check

import (
	"testing"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
)

func TestStandalone(t *testing.T) {
	i32, f64 := types.Int32, types.Float64
	S := structT("S", "a", i32)
	callee := terra("g", nil, i32, ret(lit(1)))
	loop := func() *tree.Function {
		x, s, k := sym("x", i32), sym("s", nil), sym("k", i32)
		return terra("f", syms(x), f64,
			vardecl(s, flit(1)),
			fornum(k, lit(0), v(x), nil, set(v(s), bin("+", bin("*", v(s), flit(0.5)), flit(3)))),
			ret(v(s)))
	}
	p := sym("p", types.PointerTo(types.ArrayOf(i32, 4)))
	tests := []struct {
		name string
		fn   *tree.Function
		want bool
	}{
		{"numbers and a loop", loop(), true},
		{"pointers and arrays of numbers", terra("f", syms(p), i32, ret(idx(un("@", v(p)), lit(2)))), true},
		{"a type error is still standalone", terra("f", nil, i32, ret(bin("+", lit(1), blit(true)))), true},
		{"inferred result, string literal", terra("f", nil, nil, ret(str("hi"))), true},
		{"a call", terra("f", nil, i32, ret(call(fref(callee)))), false},
		{"a struct parameter", terra("f", syms(sym("s", S)), i32, ret(lit(0))), false},
		{"a pointer to a struct", terra("f", syms(sym("s", types.PointerTo(S))), i32, ret(lit(0))), false},
		{"a struct variable", terra("f", nil, i32, vardecl(sym("s", S), nil), ret(lit(0))), false},
		{"a struct result", terra("f", nil, S, ret(lit(0))), false},
		{"a field", terra("f", syms(sym("s", i32)), i32, ret(sel(v(sym("q", nil)), "a"))), false},
		{"a method call", terra("f", nil, i32, es(mcall(v(sym("q", nil)), "m"))), false},
		{"a Lua value (macro, type, table)", terra("f", nil, i32, ret(call(lv(lua.LString("m"))))), false},
		{"a defer", terra("f", nil, nil, deferS(call(fref(callee)))), false},
		{"a quote spliced as a let", terra("f", nil, i32, ret(let(nil, lit(1)))), false},
	}
	for _, tt := range tests {
		if got := Standalone(tt.fn); got != tt.want {
			t.Errorf("%s: Standalone = %v, want %v", tt.name, got, tt.want)
		}
	}

	// Standalone is a promise about checking: it leaves checked and
	// declared-only functions alone.
	checked := loop()
	if err := New(newHost()).Function(checked); err != nil {
		t.Fatal(err)
	}
	if Standalone(checked) {
		t.Error("a checked function is standalone")
	}
	if Standalone(tree.NewFunction("decl")) {
		t.Error("a declaration is standalone")
	}
}
