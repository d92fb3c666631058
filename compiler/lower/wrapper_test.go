package lower

import (
	"regexp"
	"testing"

	"terrac/compiler/tree"
	"terrac/compiler/types"
)

func TestWrapper(t *testing.T) {
	pt := pointStruct()
	a, b, c, d := sym("a", i8), sym("b", f64), sym("c", pt), sym("d", tb)
	params := []*types.Type{i8, f64, pt, tb}
	r := sym("r", pt)
	target := fun("target", []*tree.Symbol{a, b, c, d}, pt,
		decl(r, vr(c)),
		assign(sel(vr(r), "x"), bin("+", sel(vr(r), "x"), cast(i32, vr(a)))),
		assign(sel(vr(r), "y"), bin("*", sel(vr(r), "y"), vr(b))),
		assign(sel(vr(r), "ok"), un("not", vr(d))),
		ret(vr(r)))
	unitT := types.FuncOf([]*types.Type{i32}, nil, false)
	n := sym("n", i32)
	sideEffect := fun("side", []*tree.Symbol{n}, nil, printfCall("side %d\n", vr(n)))
	boolT := types.FuncOf(nil, tb, false)
	yes := fun("yes", nil, tb, ret(blit(true)))

	m := NewModule(t.Name())
	for _, fn := range []*tree.Function{target, sideEffect, yes} {
		if err := m.AddFunction(fn); err != nil {
			t.Fatal(err)
		}
	}
	w1, err := m.AddWrapper(target.Type, target.LinkName)
	if err != nil {
		t.Fatal(err)
	}
	w2, err := m.AddWrapper(unitT, sideEffect.LinkName)
	if err != nil {
		t.Fatal(err)
	}
	w3, err := m.AddWrapper(boolT, yes.LinkName)
	if err != nil {
		t.Fatal(err)
	}
	// A C-ish main packs the arguments like the runtime does.
	wrapT := types.FuncOf([]*types.Type{str, str}, nil, false)
	ext := func(name string) *tree.Function { return tree.NewExtern(name, wrapT) }
	argT := types.TupleOf(params...)
	buf, res := sym("buf", argT), sym("res", pt)
	buf2, ok := sym("buf2", types.TupleOf(i32)), sym("ok", tb)
	main := mainFn(
		decl(buf, nil), decl(res, nil),
		assign(sel(vr(buf), "_0"), lit(i8, 5)),
		assign(sel(vr(buf), "_1"), flit(f64, 3)),
		assign(sel(vr(buf), "_2"), ctor(pt, ilit(10), flit(f64, 1.5), blit(true))),
		assign(sel(vr(buf), "_3"), blit(true)),
		do(call(ext(w1), cast(str, un("&", vr(buf))), cast(str, un("&", vr(res))))),
		printfCall("%d %g %d\n", sel(vr(res), "x"), sel(vr(res), "y"), cast(i32, sel(vr(res), "ok"))),
		decl(buf2, nil),
		assign(sel(vr(buf2), "_0"), ilit(77)),
		do(call(ext(w2), cast(str, un("&", vr(buf2))), cast(str, &tree.NilLit{ExprBase: base(types.NilT)}))),
		decl(ok, blit(false)),
		do(call(ext(w3), cast(str, &tree.NilLit{ExprBase: base(types.NilT)}), cast(str, un("&", vr(ok))))),
		ret(cast(i32, vr(ok))),
	)
	if err := m.AddFunction(main); err != nil {
		t.Fatal(err)
	}
	ir := m.String()
	out, code := run(t, ir)
	if out != "15 4.5 0\nside 77\n" || code != 1 {
		t.Errorf("got %q %d\n%s", out, code, numbered(ir))
	}
	// A wrapper calls its target, never inlines it (the JIT would compile
	// the target's body twice).
	for _, target := range []string{target.LinkName, sideEffect.LinkName, yes.LinkName} {
		if !regexp.MustCompile(`call [^\n]*@"?` + regexp.QuoteMeta(target) + `"?\([^\n]*\) noinline`).MatchString(ir) {
			t.Errorf("the wrapper's call of %s is not noinline:\n%s", target, numbered(ir))
		}
	}
}

// The host's argument and result buffers are 8-byte aligned at most, so
// both wrappers (direct and through a function pointer) move a 16-byte
// vector with an unaligned load or store; an aligned one faults when the
// buffer happens not to be 16-byte aligned.
func TestWrappersMoveVectorsUnaligned(t *testing.T) {
	v2 := types.VectorOf(f64, 2)
	fnT := types.FuncOf([]*types.Type{v2, f64}, v2, false)
	m := NewModule(t.Name())
	w, err := m.AddWrapper(fnT, "scale")
	if err != nil {
		t.Fatal(err)
	}
	if err := m.AddIndirectWrapper(fnT, "scale_indirect"); err != nil {
		t.Fatal(err)
	}
	ir := m.String()
	for _, name := range []string{w, "scale_indirect"} {
		body := regexp.MustCompile(`(?s)define void @"?` + regexp.QuoteMeta(name) + `"?\(.*?\n}`).FindString(ir)
		if body == "" {
			t.Fatalf("no %s in\n%s", name, numbered(ir))
		}
		moves := regexp.MustCompile(`(load <2 x double>, <2 x double>\*|store <2 x double> [^,]+, <2 x double>\*)[^\n]*`).FindAllString(body, -1)
		if len(moves) != 2 {
			t.Fatalf("%s: %d vector loads/stores, want 2:\n%s", name, len(moves), body)
		}
		for _, mv := range moves {
			if !regexp.MustCompile(`align [1248]$`).MatchString(mv) {
				t.Errorf("%s: %q is not unaligned", name, mv)
			}
		}
	}
}
