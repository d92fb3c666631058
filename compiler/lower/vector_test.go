package lower

import (
	"testing"

	"terrac/compiler/tree"
	"terrac/compiler/types"
)

func TestVectors(t *testing.T) {
	v4 := types.VectorOf(i32, 4)
	b4 := types.VectorOf(tb, 4)
	a, c, m := sym("a", v4), sym("c", v4), sym("m", b4)
	k := sym("k", i32)
	get := func(v tree.Expr, i int64) tree.Expr { return idx(v, ilit(i)) }
	main := mainFn(
		decl(a, cast(v4, ilit(3))),
		assign(get(vr(a), 2), ilit(10)),
		decl(c, bin("*", vr(a), cast(v4, ilit(2)))),
		printfCall("%d %d %d\n", get(vr(c), 0), get(vr(c), 2), get(bin("-", vr(c), vr(a)), 2)),
		decl(m, bin("<", vr(a), vr(c))),
		assign(get(vr(m), 1), blit(false)),
		printfCall("%d %d\n", cast(i32, get(vr(m), 0)), cast(i32, get(vr(m), 1))),
		decl(k, ilit(3)),
		printfCall("%g\n", get(cast(types.VectorOf(f64, 4), vr(a)), 2)),
		printfCall("%d\n", idx(vr(c), bin("-", vr(k), ilit(1)))),
		ret(ilit(0)),
	)
	expectRun(t, "6 20 10\n1 0\n10\n20\n", 0, main)
}

func TestBoolsInAggregates(t *testing.T) {
	pt := pointStruct()
	tup := types.TupleOf(tb, i32)
	mk := fun("mk", nil, tup, ret(ctor(tup, blit(true), ilit(4))))
	ba := sym("ba", types.ArrayOf(tb, 3))
	p := sym("p", pt)
	main := mainFn(
		decl(ba, ctor(types.ArrayOf(tb, 3), blit(false), blit(true), blit(false))),
		printfCall("%d %d\n", cast(i32, idx(vr(ba), ilit(1))), cast(i32, sel(call(mk), "_0"))),
		// A structural cast from a tuple to a named struct.
		decl(p, cast(pt, ctor(types.TupleOf(i32, f64, tb), ilit(1), flit(f64, 2), blit(true)))),
		printfCall("%d %g %d\n", sel(vr(p), "x"), sel(vr(p), "y"), cast(i32, sel(vr(p), "ok"))),
		ret(ilit(0)),
	)
	expectRun(t, "1 1\n1 2 1\n", 0, mk, main)
}
