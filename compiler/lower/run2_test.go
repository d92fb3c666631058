package lower

import (
	"testing"

	"terrac/compiler/tree"
	"terrac/compiler/types"
)

func pointStruct() *types.Type {
	s := types.NewStruct("Point")
	s.Entries = []types.Entry{
		{Field: types.Field{Name: "x", Type: i32}},
		{Field: types.Field{Name: "y", Type: f64}},
		{Field: types.Field{Name: "ok", Type: tb}},
	}
	return s
}

func TestStructsAndPointers(t *testing.T) {
	pt := pointStruct()
	p := sym("p", types.PointerTo(pt))
	setp := fun("setp", []*tree.Symbol{p}, nil,
		assign(sel(un("@", vr(p)), "x"), ilit(42)),
		assign(sel(un("@", vr(p)), "y"), flit(f64, 2.5)),
		assign(sel(un("@", vr(p)), "ok"), blit(true)),
	)
	s := sym("s", pt)
	byval := sym("v", pt)
	getx := fun("getx", []*tree.Symbol{byval}, i32, ret(sel(vr(byval), "x"))) // struct by value (24 bytes: memory)
	mk := fun("mk", nil, pt, ret(ctor(pt, ilit(7), flit(f64, 1.25), blit(false))))
	main := mainFn(
		decl(s, nil),
		do(call(setp, un("&", vr(s)))),
		printfCall("%d %g %d\n", sel(vr(s), "x"), sel(vr(s), "y"), cast(i32, sel(vr(s), "ok"))),
		printfCall("%d %d %g\n", call(getx, vr(s)), sel(call(mk), "x"), sel(call(mk), "y")),
		ret(cast(i32, sel(vr(s), "ok"))),
	)
	expectRun(t, "42 2.5 1\n42 7 1.25\n", 1, setp, getx, mk, main)
}

func TestUnion(t *testing.T) {
	u := types.NewStruct("U")
	u.Entries = []types.Entry{
		{Field: types.Field{Name: "tag", Type: i8}},
		{Union: []types.Entry{
			{Field: types.Field{Name: "i", Type: i32}},
			{Field: types.Field{Name: "f", Type: f32}},
			{Field: types.Field{Name: "b", Type: types.ArrayOf(u8, 6)}},
		}},
		{Field: types.Field{Name: "after", Type: i8}},
	}
	v := sym("v", u)
	main := mainFn(
		decl(v, nil),
		assign(sel(vr(v), "tag"), lit(i8, 1)),
		assign(sel(vr(v), "after"), lit(i8, 9)),
		assign(sel(vr(v), "f"), flit(f32, 1.0)),
		printfCall("%x %d %d\n", sel(vr(v), "i"), cast(i32, idx(sel(vr(v), "b"), ilit(3))), cast(i32, sel(vr(v), "after"))),
		printfCall("%d\n", lit(i64, u.Size())),
		ret(ilit(0)),
	)
	// The union is {i32|f32|u8[6]}: align 4, size 8 (rounded as in C); `after` lands at 4+8=12, size 16.
	expectRun(t, "3f800000 63 9\n16\n", 0, main)
}

func TestArraysAndPointerArithmetic(t *testing.T) {
	at := types.ArrayOf(i32, 5)
	a, i, p, q := sym("a", at), sym("i", i32), sym("p", types.PointerTo(i32)), sym("q", types.PointerTo(i32))
	s := sym("s", i32)
	main := mainFn(
		decl(a, nil),
		fornum(i, ilit(0), ilit(5), nil, assign(idx(vr(a), vr(i)), bin("*", vr(i), vr(i)))),
		decl(p, cast(types.PointerTo(i32), vr(a))), // decay
		decl(q, bin("+", vr(p), ilit(4))),
		printfCall("%d %d %lld\n", un("@", vr(q)), idx(vr(p), ilit(2)), bin("-", vr(q), vr(p))),
		assign(vr(q), bin("-", vr(q), ilit(1))),
		decl(s, un("@", vr(q))),
		printfCall("%d %d\n", vr(s), idx(ctor(types.ArrayOf(i32, 3), ilit(5), ilit(6), ilit(7)), ilit(1))),
		printfCall("%d\n", cast(i32, bin("<", vr(p), vr(q)))),
		ret(ilit(0)),
	)
	expectRun(t, "16 4 4\n9 6\n1\n", 0, main)
}

func TestParallelAssign(t *testing.T) {
	a, b, c := sym("a", i32), sym("b", i32), sym("c", i32)
	main := mainFn(
		decl(a, ilit(1)), decl(b, ilit(2)), decl(c, ilit(3)),
		&tree.Assign{Lhs: []tree.Expr{vr(a), vr(b), vr(c)}, Rhs: []tree.Expr{vr(c), vr(a), vr(b)}},
		printfCall("%d %d %d\n", vr(a), vr(b), vr(c)),
		ret(ilit(0)),
	)
	expectRun(t, "3 1 2\n", 0, main)
}

func deferPrint(s string) tree.Stmt {
	return &tree.Defer{Call: call(printf, slit(s))}
}

func TestDefer(t *testing.T) {
	i := sym("i", i32)
	x := sym("x", i32)
	f := fun("f", []*tree.Symbol{x}, i32,
		deferPrint("f1 "),
		deferPrint("f2 "),
		ifs(bin("==", vr(x), ilit(0)), block(deferPrint("in-if "), ret(ilit(10))), nil),
		block(deferPrint("blk "), printfCall("body ")),
		ret(ilit(20)),
	)
	main := mainFn(
		printfCall("%d\n", call(f, ilit(0))),
		printfCall("%d\n", call(f, ilit(1))),
		fornum(i, ilit(0), ilit(10), nil,
			deferPrint("iter "),
			ifs(bin("==", vr(i), ilit(2)), block(deferPrint("brk "), &tree.Break{}), nil),
		),
		printfCall("\n"),
		ret(ilit(0)),
	)
	expectRun(t, "in-if f2 f1 10\nbody blk f2 f1 20\niter iter brk iter \n", 0, f, main)
}

func TestGoto(t *testing.T) {
	i := sym("i", i32)
	top, out := tree.NewLabel("top"), tree.NewLabel("out")
	main := mainFn(
		decl(i, ilit(0)),
		&tree.LabelStmt{Label: top},
		assign(vr(i), bin("+", vr(i), ilit(1))),
		block(deferPrint("d "),
			ifs(bin("==", vr(i), ilit(3)), block(&tree.Goto{Label: out}), nil)),
		&tree.Goto{Label: top},
		&tree.LabelStmt{Label: out},
		printfCall("%d\n", vr(i)),
		ret(ilit(0)),
	)
	expectRun(t, "d d d 3\n", 0, main)
}

func TestFunctionPointers(t *testing.T) {
	a, b := sym("a", i32), sym("b", i32)
	add := fun("add", []*tree.Symbol{a, b}, i32, ret(bin("+", vr(a), vr(b))))
	a2, b2 := sym("a", i32), sym("b", i32)
	mul := fun("mul", []*tree.Symbol{a2, b2}, i32, ret(bin("*", vr(a2), vr(b2))))
	fpT := types.PointerTo(add.Type)
	fp := sym("fp", fpT)
	g, x := sym("g", fpT), sym("x", i32)
	apply := fun("apply", []*tree.Symbol{g, x}, i32, ret(callPtr(vr(g), vr(x), vr(x))))
	main := mainFn(
		decl(fp, cast(fpT, ref(add))),
		printfCall("%d ", callPtr(vr(fp), ilit(2), ilit(3))),
		assign(vr(fp), cast(fpT, ref(mul))),
		printfCall("%d ", callPtr(vr(fp), ilit(2), ilit(3))),
		printfCall("%d\n", call(apply, cast(fpT, ref(add)), ilit(21))),
		ret(ilit(0)),
	)
	expectRun(t, "5 6 42\n", 0, add, mul, apply, main)
}

func TestLetAndStrings(t *testing.T) {
	tmp := sym("tmp", i32)
	let := &tree.Let{ExprBase: base(i32), Stmts: []tree.Stmt{decl(tmp, ilit(5)), assign(vr(tmp), bin("*", vr(tmp), ilit(2)))}, Exprs: []tree.Expr{vr(tmp)}}
	main := mainFn(
		printfCall("%d %s %s\n", let, slit("hi \"there\"\n"), slit("hi \"there\"\n")),
		ret(ilit(0)),
	)
	expectRun(t, "10 hi \"there\"\n hi \"there\"\n\n", 0, main)
}
