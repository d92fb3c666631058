package lower

import (
	"testing"

	"terrac/compiler/tree"
	"terrac/compiler/types"
)

func TestArithmetic(t *testing.T) {
	a, b := sym("a", i32), sym("b", i32)
	ua, ub := sym("ua", u32), sym("ub", u32)
	x, y := sym("x", f64), sym("y", f64)
	main := mainFn(
		decl(a, ilit(-7)), decl(b, ilit(2)),
		decl(ua, lit(u32, 0xFFFFFFF9)), decl(ub, lit(u32, 2)),
		decl(x, flit(f64, 7.5)), decl(y, flit(f64, 2)),
		printfCall("%d %d %d %d\n", bin("/", vr(a), vr(b)), bin("%", vr(a), vr(b)), bin("*", vr(a), vr(b)), bin("-", vr(a), vr(b))),
		printfCall("%u %u\n", bin("/", vr(ua), vr(ub)), bin("%", vr(ua), vr(ub))),
		printfCall("%g %g\n", bin("%", vr(x), vr(y)), bin("/", vr(x), vr(y))),
		printfCall("%d %u %d\n", bin(">>", vr(a), ilit(1)), bin(">>", vr(ua), lit(u32, 1)), bin("<<", vr(b), ilit(3))),
		printfCall("%d %d %d\n", bin("^", vr(a), vr(b)), un("-", vr(a)), un("not", vr(b))),
		printfCall("%d %d %d %d\n", cast(i32, bin("<", vr(a), vr(b))), cast(i32, bin("<", vr(ua), vr(ub))),
			cast(i32, bin("~=", bin("/", flit(f64, 0), flit(f64, 0)), bin("/", flit(f64, 0), flit(f64, 0)))),
			cast(i32, bin("==", bin("/", flit(f64, 0), flit(f64, 0)), bin("/", flit(f64, 0), flit(f64, 0))))),
		printfCall("%d %d %g %d\n", cast(i32, cast(i8, lit(i32, 300))), cast(i32, cast(u8, lit(i32, -1))),
			cast(f64, cast(f32, flit(f64, 1.5))), cast(i32, flit(f64, -3.7))),
		ret(ilit(3)),
	)
	expectRun(t, "-3 -1 -14 -9\n2147483644 1\n1.5 3.75\n-4 2147483644 16\n-5 7 -3\n1 0 1 0\n44 255 1.5 -3\n", 3, main)
}

func TestShortCircuit(t *testing.T) {
	n := sym("n", i32)
	p := sym("p", types.PointerTo(i32))
	bump := fun("bump", []*tree.Symbol{p}, tb,
		assign(un("@", vr(p)), bin("+", un("@", vr(p)), ilit(1))),
		ret(blit(true)))
	r := sym("r", tb)
	main := mainFn(
		decl(n, ilit(0)),
		decl(r, bin("and", blit(false), call(bump, un("&", vr(n))))),
		assign(vr(r), bin("or", blit(true), call(bump, un("&", vr(n))))),
		assign(vr(r), bin("and", vr(r), call(bump, un("&", vr(n))))),
		assign(vr(r), bin("or", bin("and", blit(false), call(bump, un("&", vr(n)))), call(bump, un("&", vr(n))))),
		printfCall("%d %d\n", vr(n), cast(i32, vr(r))),
		printfCall("%d %d\n", bin("and", ilit(12), ilit(10)), bin("or", ilit(12), ilit(3))),
		ret(ilit(0)),
	)
	expectRun(t, "2 1\n8 15\n", 0, bump, main)
}

func TestLoops(t *testing.T) {
	i, s, st := sym("i", i32), sym("s", i32), sym("st", i32)
	j := sym("j", i32)
	k := sym("k", i32)
	fi := sym("fi", f64)
	main := mainFn(
		decl(s, ilit(0)),
		fornum(i, ilit(0), ilit(5), nil, assign(vr(s), bin("+", vr(s), vr(i)))), // 0..4 → 10
		printfCall("%d\n", vr(s)),
		fornum(i, ilit(10), ilit(0), ilit(-3), printfCall("%d ", vr(i))), // 10 7 4 1
		printfCall("\n"),
		decl(st, ilit(-2)),
		fornum(j, ilit(5), ilit(0), vr(st), printfCall("%d ", vr(j))), // run-time sign: 5 3 1
		assign(vr(st), ilit(2)),
		fornum(j, ilit(0), ilit(5), vr(st), printfCall("%d ", vr(j))), // 0 2 4
		printfCall("\n"),
		decl(k, ilit(0)),
		while(blit(true),
			assign(vr(k), bin("+", vr(k), ilit(1))),
			ifs(bin(">=", vr(k), ilit(7)), block(&tree.Break{}), nil)),
		&tree.Repeat{Body: block(assign(vr(k), bin("-", vr(k), ilit(2)))), Cond: bin("<", vr(k), ilit(0))},
		printfCall("%d\n", vr(k)),
		fornum(fi, flit(f64, 0), flit(f64, 1), flit(f64, 0.25), printfCall("%g ", vr(fi))),
		ret(ilit(0)),
	)
	expectRun(t, "10\n10 7 4 1 \n5 3 1 0 2 4 \n-1\n0 0.25 0.5 0.75 ", 0, main)
}

func TestNestedIf(t *testing.T) {
	x := sym("x", i32)
	classify := fun("classify", []*tree.Symbol{x}, i32,
		&tree.If{Branches: []tree.IfBranch{
			{Cond: bin("<", vr(x), ilit(0)), Body: block(ret(ilit(-1)))},
			{Cond: bin("==", vr(x), ilit(0)), Body: block(ret(ilit(0)))},
		}, Else: block(
			ifs(bin(">", vr(x), ilit(100)), block(ret(ilit(2))), block(ret(ilit(1)))),
		)},
	)
	main := mainFn(
		printfCall("%d %d %d %d\n", call(classify, ilit(-5)), call(classify, ilit(0)), call(classify, ilit(5)), call(classify, ilit(500))),
		ret(ilit(0)),
	)
	expectRun(t, "-1 0 1 2\n", 0, classify, main)
}
