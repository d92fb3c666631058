package lower

import (
	"testing"

	"terrac/compiler/tree"
	"terrac/compiler/types"
)

// TestRaiiNodes runs the nodes compiler/check/raii.go produces: a
// temporary and its cleanup at the end of the full expression, owned
// destructor defers, a return that moves a variable out (its destructor
// is skipped on that path only), and the zero-fill directive.
func TestRaiiNodes(t *testing.T) {
	pt := pointStruct()
	k := sym("k", i32)
	note := fun("note", []*tree.Symbol{k}, types.Unit(), printfCall("note %d\n", vr(k)))
	mk := fun("mk", nil, pt, ret(ctor(pt, ilit(7), flit(f64, 1), blit(true))))
	x, y, c := sym("x", pt), sym("y", pt), sym("c", tb)
	owned := func(s *tree.Symbol, n int64) tree.Stmt {
		return &tree.Defer{Call: call(note, ilit(n)), Owner: s}
	}
	tmp := tree.NewSymbol("<temp>", pt)
	temp := &tree.Temp{ExprBase: tree.ExprBase{Type: pt, LValue: true}, X: call(mk), Sym: tmp}
	full := &tree.FullExpr{ExprBase: base(i32), X: sel(temp, "x"), Cleanup: []tree.Expr{call(note, ilit(3))}}
	zero := &tree.Directive{ExprBase: base(types.Unit()), Op: "zero", X: un("&", vr(x))}
	f := fun("f", []*tree.Symbol{c}, pt,
		decl(x, nil), do(zero), owned(x, 1),
		decl(y, nil), owned(y, 2),
		printfCall("temp %d\n", full),
		printfCall("zeroed %d\n", sel(vr(x), "x")),
		ifs(vr(c), block(&tree.Return{Exprs: []tree.Expr{vr(x)}, Moved: []*tree.Symbol{x}}), nil),
		&tree.Return{Exprs: []tree.Expr{vr(y)}, Moved: []*tree.Symbol{y}})
	r := sym("r", pt)
	main := mainFn(
		decl(r, call(f, blit(true))),
		printfCall("--\n"),
		assign(vr(r), call(f, blit(false))),
		ret(ilit(0)))
	expectRun(t, "note 3\ntemp 7\nzeroed 0\nnote 2\n--\nnote 3\ntemp 7\nzeroed 0\nnote 1\n", 0, note, mk, f, main)
}
