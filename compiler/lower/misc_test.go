package lower

import (
	"strings"
	"testing"

	"terrac/compiler/tree"
	"terrac/compiler/types"
)

func TestIntrinsicAndRecursiveStruct(t *testing.T) {
	node := types.NewStruct("Node")
	node.Entries = []types.Entry{
		{Field: types.Field{Name: "next", Type: types.PointerTo(node)}},
		{Field: types.Field{Name: "v", Type: i32}},
	}
	np := types.PointerTo(node)
	a, b2, p, s := sym("a", node), sym("b", node), sym("p", np), sym("s", i32)
	sqrt := &tree.Intrinsic{ExprBase: base(f64), Name: "llvm.sqrt.f64", Args: []tree.Expr{flit(f64, 16)}}
	// fact is recursive.
	n := sym("n", i64)
	fact := fun("fact", []*tree.Symbol{n}, i64)
	fact.Def.Body = block(
		ifs(bin("<=", vr(n), lit(i64, 1)), block(ret(lit(i64, 1))), nil),
		ret(bin("*", vr(n), call(fact, bin("-", vr(n), lit(i64, 1))))))
	main := mainFn(
		decl(a, nil), decl(b2, nil),
		assign(sel(vr(a), "v"), ilit(1)), assign(sel(vr(b2), "v"), ilit(2)),
		assign(sel(vr(a), "next"), un("&", vr(b2))),
		assign(sel(vr(b2), "next"), cast(np, &tree.NilLit{ExprBase: base(types.NilT)})),
		decl(s, ilit(0)), decl(p, un("&", vr(a))),
		while(bin("~=", vr(p), cast(np, &tree.NilLit{ExprBase: base(types.NilT)})),
			assign(vr(s), bin("+", vr(s), sel(un("@", vr(p)), "v"))),
			assign(vr(p), sel(un("@", vr(p)), "next"))),
		printfCall("%d %g %lld\n", vr(s), sqrt, call(fact, lit(i64, 10))),
		ret(ilit(0)),
	)
	expectRun(t, "3 4 3628800\n", 0, fact, main)
}

func TestErrors(t *testing.T) {
	m := NewModule("errors")
	fn := tree.NewFunction("f")
	if err := m.AddFunction(fn); err == nil || !strings.Contains(err.Error(), "no body") {
		t.Errorf("got %v", err)
	}
	un := &tree.LuaValue{ExprBase: base(i32)}
	bad := fun("bad", nil, i32, ret(un))
	if err := m.AddFunction(bad); err == nil || !strings.Contains(err.Error(), "checker should have replaced") {
		t.Errorf("got %v", err)
	}
	// The failed function is left as a declaration; the module stays valid.
	verify(t, m.String())
	if _, err := m.AddWrapper(i32, "x"); err == nil {
		t.Error("wrapper for a non-function type accepted")
	}
}
