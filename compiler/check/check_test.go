package check

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
)

func expectDump(t *testing.T, got, want string) {
	t.Helper()
	want = strings.TrimSpace(strings.ReplaceAll(want, "\t", ""))
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("dump mismatch (-want +got):\n%s\ngot:\n%s", d, got)
	}
}

func TestArithmeticMeet(t *testing.T) {
	s := newSuite()
	a, b, c, d := sym("a", i8), sym("b", u32), sym("c", f32), sym("p", ptr(i32))
	fn := terra("f", syms(a, b, c, d), nil,
		vardecl(sym("x", nil), bin("+", v(a), v(b))),    // int8+uint32 → uint32
		vardecl(sym("y", nil), bin("*", v(a), v(c))),    // int → float
		vardecl(sym("z", nil), bin("-", v(c), flit(1))), // float-double → double
		vardecl(sym("w", nil), bin("%", flit(3.75), flit(2))),
		vardecl(sym("q", nil), bin("+", v(d), v(a))),           // ptr + int
		vardecl(sym("r", nil), bin("+", v(a), v(d))),           // int + ptr (swapped)
		vardecl(sym("n", nil), bin("-", v(d), v(d))),           // ptrdiff
		vardecl(sym("u", nil), bin("+", ilit(1, u32), lit(2))), // equal size → unsigned
	)
	expectDump(t, s.ok(t, fn), `
		f : {int8,uint32,float,&int32} -> {}
		  var x : uint32 = (cast<uint32>(a) + b)
		  var y : float = (cast<float>(a) * c)
		  var z : double = (cast<double>(c) - 1)
		  var w : double = (3.75 % 2)
		  var q : &int32 = (p + a)
		  var r : &int32 = (p + a)
		  var n : int64 = (p - p)
		  var u : uint32 = (1 + cast<uint32>(2))`)
}

func TestComparisonsLogicShifts(t *testing.T) {
	s := newSuite()
	a, b, p := sym("a", i32), sym("b", i64), sym("p", ptr(i32))
	bb := sym("c", boolT)
	fn := terra("f", syms(a, b, p, bb), nil,
		vardecl(sym("x", nil), bin("<", v(a), v(b))),
		vardecl(sym("y", nil), bin("==", v(p), nilLit())),
		vardecl(sym("z", nil), bin("and", v(bb), bin("or", v(bb), un("not", v(bb))))),
		vardecl(sym("w", nil), bin("and", v(a), v(b))), // bitwise
		vardecl(sym("k", nil), bin("^", v(a), lit(3))),
		vardecl(sym("m", nil), bin("<<", v(a), v(b))),
		vardecl(sym("n", nil), un("not", v(a))),
		vardecl(sym("o", nil), un("-", v(b))),
	)
	expectDump(t, s.ok(t, fn), `
		f : {int32,int64,&int32,bool} -> {}
		  var x : bool = (cast<int64>(a) < b)
		  var y : bool = (p == cast<&int32>(nil))
		  var z : bool = (c and (c or not c))
		  var w : int64 = (cast<int64>(a) and b)
		  var k : int32 = (a ^ 3)
		  var m : int32 = (a << cast<int32>(b))
		  var n : int32 = not a
		  var o : int64 = -b`)
}

func TestOperatorErrors(t *testing.T) {
	s := newSuite()
	a, d, p, c := sym("a", i32), sym("d", f64), sym("p", ptr(i32)), sym("c", boolT)
	S := structT("S", "x", i32)
	st := sym("s", S)
	fn := terra("f", syms(a, d, p, c, st), nil,
		es(want(s, bin("^", v(d), lit(1)), "arguments of binary operator are not valid type but double")),
		es(want(s, bin("<<", v(a), v(d)), "arguments to shift must be integers but found int32 and double")),
		es(want(s, bin("+", v(a), v(c)), "incompatible types: int32 and bool")),
		es(want(s, bin("and", v(d), v(d)), "arguments of binary operator are not valid type but double")),
		es(un("-", want(s, v(c), "argument of unary operator is not valid type but bool"))),
		es(un("@", want(s, v(a), "argument of dereference is not a pointer type but int32"))),
		es(un("&", want(s, lit(3), "argument to operator must be an lvalue"))),
		es(un("&", want(s, paren(bin("+", v(a), lit(1))), "argument to operator must be an lvalue"))),
		es(want(s, bin("==", v(st), v(st)), "cannot compare aggregate type S")),
		es(want(s, bin("*", v(p), lit(2)), "incompatible types: &int32 and int32")),
		// an invalid operand absorbs follow-on errors
		es(bin("+", bin("+", want(s, un("@", want(s, v(a), "not a pointer")), ""), lit(1)), lit(2))),
	)
	delete(s.ann, fn.Def.Body.Stmts[10].(*tree.ExprStmt).X.(*tree.Binary).X.(*tree.Binary).X)
	s.run(t, fn)
}

func TestVarsAndConditions(t *testing.T) {
	s := newSuite()
	a := sym("a", i32)
	x, y := sym("x", f64), sym("y", nil)
	fn := terra("f", syms(a), nil,
		vardecl(x, v(a)),
		want(s, vardecl(y, nil), "type must be specified for parameters and uninitialized variables"),
		vardecl(sym("b", nil), v(a)),
		want(s, vardecl(sym("b", i8), lit(1)), "duplicate definition of variable b"),
		ifs(want(s, v(a), "expected a bool expression but found int32"), blk(), nil),
		while(want(s, lit(1), "expected a bool expression but found int32")),
		ifs(bin("<", v(a), lit(3)), blk(vardecl(sym("b", nil), lit(1))), blk()), // shadowing in inner block is fine
		vardecl(sym("c", boolT), want(s, lit(1), "invalid conversion from int32 to bool")),
		vardecl(sym("e", i32), want(s, blit(true), "invalid conversion from bool to int32")),
	)
	s.run(t, fn)
	if x.VarType() != f64 {
		t.Errorf("x: %s", x.VarType())
	}
}

func TestVarInitSeesOuter(t *testing.T) {
	s := newSuite()
	x := sym("x", i32)
	inner := sym("x", nil)
	fn := terra("f", syms(x), nil,
		blk(vardecl(inner, bin("+", v(x), lit(1)))),
		blk(vardecl(sym("z", nil), want(s, v(inner), "definition of variable with symbol x is not in scope in this context"))),
	)
	s.run(t, fn)
}

func TestLoopsAndLabels(t *testing.T) {
	s := newSuite()
	i, j, k := sym("i", nil), sym("j", u8), sym("k", nil)
	n := sym("n", i64)
	l1, l2, l3 := tree.NewLabel("top"), tree.NewLabel("missing"), tree.NewLabel("inner")
	fn := terra("f", syms(n), nil,
		fornum(i, lit(0), v(n), nil, vardecl(sym("t", nil), v(i)), brk()),
		fornum(j, lit(0), lit(10), lit(2)),
		want(s, fornum(k, flit(0), flit(1), nil), "expected an integral type for loop initialization but found double"),
		repeat(bin(">", v(sym("q", nil)), lit(3))),
		want(s, brk(), "break found outside a loop"),
		label(l1),
		while(blit(true), gotoL(l1), brk()),
		want(s, label(l1), "label defined twice"),
		want(s, gotoL(l2), "goto to undefined label"),
		want(s, gotoL(l3), "not in an enclosing block"),
		blk(label(l3)),
	)
	// repeat's condition sees the body's variables
	q := fn.Def.Body.Stmts[3].(*tree.Repeat)
	qs := q.Cond.(*tree.Binary).X.(*tree.Var).Sym
	q.Body.Stmts = []tree.Stmt{vardecl(qs, lit(1))}
	got := s.ok(t, fn)
	if !strings.Contains(got, "for i : int64 = cast<int64>(0), n do") || !strings.Contains(got, "for j : uint8 = cast<uint8>(0), cast<uint8>(10), cast<uint8>(2) do") {
		t.Errorf("loops:\n%s", got)
	}
}

func TestReturnInference(t *testing.T) {
	s := newSuite()
	a := sym("a", boolT)
	f := terra("f", syms(a), nil,
		ifs(v(a), blk(ret(lit(1))), nil),
		ret(flit(2.5)),
	)
	g := terra("g", nil, nil, ret(lit(1), blit(true)))
	h := terra("h", nil, nil, ret())
	k := terra("k", nil, i64, ret(lit(3)))
	expectDump(t, s.ok(t, f, g, h, k), `
		f : {bool} -> double
		  if a then
		    return cast<double>(1)
		  end
		  return 2.5`)
	expectDump(t, dump(g), `
		g : {} -> {int32,bool}
		  return {int32,bool}{1, true}`)
	expectDump(t, dump(h), "h : {} -> {}\n  return")
	expectDump(t, dump(k), "k : {} -> int64\n  return cast<int64>(3)")
}

func TestReturnErrors(t *testing.T) {
	s := newSuite()
	a := sym("a", boolT)
	f := terra("f", syms(a), nil,
		ifs(v(a), blk(ret(lit(1))), nil),
		ret(want(s, blit(true), "incompatible types: int32 and bool")),
	)
	g := terra("g", nil, i32, want(s, ret(), "invalid conversion from {} to int32"))
	h := terra("h", nil, nil, ifs(v(sym("c", nil)), blk(), nil))
	h.Def.Params = nil
	s2 := newSuite()
	_ = s2
	s.ann[h.Def.Body.Stmts[0].(*tree.If).Branches[0].Cond] = "not in scope"
	s.run(t, f, g, h)
	if f.State != tree.CheckFailed || g.State != tree.CheckFailed {
		t.Errorf("states %v %v", f.State, g.State)
	}
	err := f.CheckErr.Error()
	if !strings.HasSuffix(err, "\nErrors reported during typechecking.") || !strings.HasPrefix(err, "t.t:") {
		t.Errorf("error text:\n%s", err)
	}
}

func TestMultipleAssignment(t *testing.T) {
	s := newSuite()
	pair := terra("pair", nil, types.TupleOf(i32, f64), ret(lit(1), flit(2)))
	a, b := sym("a", nil), sym("b", nil)
	c, d := sym("c", f32), sym("d", i32)
	e := sym("e", i64)
	fn := terra("f", nil, nil,
		vars(syms(a, b), fref(pair)),
		vars(syms(c, d), v(b), v(a)),
		assign(exprs(v(a), v(c)), v(d), v(c)),
		vardecl(e, nil),
		assign(exprs(v(e), v(d), v(b)), lit(7), fref(pair)),
		vardecl(sym("t", nil), sel(call(fref(pair)), "_1")),
	)
	fn.Def.Body.Stmts[0].(*tree.VarDecl).Inits[0] = call(fref(pair))
	fn.Def.Body.Stmts[4].(*tree.Assign).Rhs[1] = call(fref(pair))
	expectDump(t, s.ok(t, fn), `
		f : {} -> {}
		  var <tuple> : {int32,double} = pair()
		  var a : int32, b : double = <tuple>._0, <tuple>._1
		  var c : float, d : int32 = cast<float>(b), a
		  a, c = d, c
		  var e : int64
		  var <tuple> : {int32,double}
		  e, <tuple> = cast<int64>(7), pair()
		  d, b = <tuple>._0, <tuple>._1
		  var t : double = pair()._1`)
	if len(fn.Refs) != 1 || fn.Refs[0] != pair {
		t.Errorf("refs: %v", fn.Refs)
	}
}

func TestAssignErrors(t *testing.T) {
	s := newSuite()
	a, b := sym("a", i32), sym("b", i32)
	fn := terra("f", syms(a, b), nil,
		set(want(s, lit(3), "argument to operator must be an lvalue"), lit(4)),
		set(want(s, paren(bin("+", v(a), v(b))), "argument to operator must be an lvalue"), lit(4)),
		want(s, assign(exprs(v(a), v(b)), lit(1)), "expected 2 parameters (int32,int32), but found 1 (int32)"),
		want(s, vars(syms(sym("x", nil), sym("y", nil)), lit(1), lit(2), lit(3)), "expected 2 parameters (passthrough,passthrough), but found 3"),
		set(v(a), want(s, str("s"), "invalid conversion from &int8 to int32")),
	)
	s.run(t, fn)
}

func TestCallsAndConversions(t *testing.T) {
	s := newSuite()
	take := terra("take", syms(sym("x", f64), sym("p", ptr(types.OpaqueT)), sym("q", ptr(i32))), nil)
	printf := tree.NewExtern("printf", types.FuncOf([]*types.Type{ptr(i8)}, i32, true))
	arr := sym("arr", types.ArrayOf(i32, 4))
	p := sym("p", ptr(i32))
	fn := terra("f", syms(arr, p), nil,
		es(call(fref(take), lit(1), v(p), nilLit())),
		es(call(fref(take), flit(1), nilLit(), v(arr))),
		es(call(fref(printf), str("%d %f %d %p\n"), ilit(1, i8), f32lit(1.5), blit(true), v(arr), ilit(5, i64))),
		es(want(s, call(fref(take), lit(1)), "expected 3 parameters (double,&opaque,&int32), but found 1 (int32)")),
		es(call(fref(take), lit(1), v(p), want(s, blit(false), "invalid conversion from bool to &int32"))),
		es(want(s, call(v(p), lit(1)), "expected a function but found &int32")),
		vardecl(sym("fp", nil), fref(take)),
	)
	fn.Def.Body.Stmts = append(fn.Def.Body.Stmts, es(call(v(fn.Def.Body.Stmts[6].(*tree.VarDecl).Syms[0]), lit(1), nilLit(), nilLit())))
	s.run(t, fn)
	got := dump(fn)
	for _, w := range []string{
		"take(cast<double>(1), cast<&opaque>(p), cast<&int32>(nil))",
		"take(1, cast<&opaque>(nil), cast<&int32>(arr))",
		`printf("%d %f %d %p\n", cast<int32>(1), cast<double>(1.5), cast<int32>(true), cast<&int32>(arr), 5)`,
		"var fp : &{double,&opaque,&int32} -> {} = cast<&{double,&opaque,&int32} -> {}>(take)",
		"fp(cast<double>(1), cast<&opaque>(nil), cast<&int32>(nil))",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in\n%s", w, got)
		}
	}
}

func TestExplicitCasts(t *testing.T) {
	s := newSuite()
	h := s.host
	p, n, b, d := sym("p", ptr(i32)), sym("n", i64), sym("b", boolT), sym("d", f64)
	fn := terra("f", syms(p, n, b, d), nil,
		vardecl(sym("a", nil), call(lv(h.typ(ptr(u8))), v(p))),
		vardecl(sym("c", nil), call(lv(h.typ(ptr(f64))), v(n))),
		vardecl(sym("e", nil), call(lv(h.typ(u64)), v(p))),
		vardecl(sym("g", nil), call(lv(h.typ(i32)), v(b))),
		vardecl(sym("k", nil), call(lv(h.typ(boolT)), v(d))),
		vardecl(sym("m", nil), call(lv(h.typ(i32)), v(d))),
		vardecl(sym("o", nil), call(lv(h.typ(i32)), want(s, v(p), "pointer to int32 conversion loses precision"))),
		vardecl(sym("r", nil), want(s, lv(h.typ(i32)), "expected a terra expression but found terra type int32")),
	)
	s.run(t, fn)
	got := dump(fn)
	for _, w := range []string{
		"var a : &uint8 = [&uint8](p)", "var c : &double = [&double](n)", "var e : uint64 = [uint64](p)",
		"var g : int32 = [int32](b)", "var k : bool = [bool](d)", "var m : int32 = [int32](d)",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in\n%s", w, got)
		}
	}
}

func TestLuaValues(t *testing.T) {
	s := newSuite()
	tbl := &lua.LTable{}
	tbl.RawSetString("k", lua.LNumber(3))
	fn := terra("f", nil, nil,
		vardecl(sym("a", nil), lv(lua.LNumber(3))),
		vardecl(sym("b", nil), lv(lua.LNumber(2.5))),
		vardecl(sym("c", nil), lv(lua.LNumber(1e10))),
		vardecl(sym("d", nil), lv(lua.LTrue)),
		vardecl(sym("e", nil), lv(lua.LString("hi"))),
		vardecl(sym("g", nil), sel(lv(tbl), "k")),
		vardecl(sym("h", nil), want(s, sel(lv(tbl), "nope"), "no field nope in lua object")),
		vardecl(sym("i", nil), want(s, lv(tbl), "expected a terra expression but found table")),
		vardecl(sym("j", nil), want(s, lv(&lua.LFunction{}), "lua object of type function not understood by terra code.")),
		es(want(s, call(lv(tbl)), "expected a function or macro but found lua value of type table")),
	)
	s.run(t, fn)
	got := dump(fn)
	for _, w := range []string{"var a : int32 = 3", "var b : double = 2.5", "var c : double = 1e+10", "var d : bool = true", `var e : &int8 = "hi"`, "var g : int32 = 3"} {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in\n%s", w, got)
		}
	}
}

func TestStructs(t *testing.T) {
	s := newSuite()
	h := s.host
	S := structT("S", "x", i32, "y", f64)
	ps := sym("ps", ptr(S))
	st := sym("s", S)
	arr := sym("arr", types.ArrayOf(S, 2))
	fn := terra("f", syms(ps, st, arr), nil,
		set(sel(v(ps), "x"), lit(1)),
		set(sel(v(st), "y"), lit(2)),
		set(sel(idx(v(arr), ilit(1, u8)), "x"), lit(3)),
		set(want(s, sel(call(lv(h.typ(S)), tup(lit(1), lit(2))), "x"), "argument to operator must be an lvalue"), lit(3)),
		vardecl(sym("a", S), tup(lit(1), lit(2))),
		vardecl(sym("b", S), rec("y", lit(1), "x", lit(2))),
		vardecl(sym("c", nil), call(lv(h.typ(S)), rec("y", flit(5)))),
		vardecl(sym("e", S), want(s, rec("y", flit(5)), "structural cast invalid, source has 1 fields but target has only 2")),
		vardecl(sym("g", S), want(s, rec("z", lit(1), "y", lit(1)), "structural cast invalid, result structure has no key z")),
		vardecl(sym("k", nil), want(s, tup(lit(1), rec("a", lit(1))), "")),
		es(want(s, sel(v(st), "nope"), "no field nope in terra object of type S")),
		es(want(s, sel(lit(1), "x"), "expected a structural type but found int32")),
	)
	// the mixed constructor
	fn.Def.Body.Stmts[9].(*tree.VarDecl).Inits[0] = want(s, &tree.Constructor{Fields: []tree.CtorField{{Value: lit(1)}, {Name: "a", Value: lit(2)}}}, "some entries in constructor are named while others are not")
	s.run(t, fn)
	got := dump(fn)
	for _, w := range []string{
		"@ps.x = 1",
		"s.y = cast<double>(2)",
		"arr[1].x = 3",
		"var a : S = S{x = 1, y = cast<double>(2)}",
		"var b : S = let(var <structcast> : anon",
		"in S{x = <structcast>.x, y = cast<double>(<structcast>.y)})",
		"var c : S = S{x = <undef>, y = 5}",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in\n%s", w, got)
		}
	}
}

func TestIncompleteStruct(t *testing.T) {
	s := newSuite()
	A := types.NewStruct("A")
	A.Entries = []types.Entry{{Field: types.Field{Name: "self", Type: nil}}}
	A.Entries[0].Type = A
	p := sym("p", ptr(A))
	fn := terra("f", syms(p), nil,
		vardecl(sym("q", nil), v(p)), // pointers do not complete
		es(want(s, un("@", v(p)), "type recursively contains itself, or using a type whose layout failed: A")),
	)
	s.run(t, fn)
}

func TestIndexing(t *testing.T) {
	s := newSuite()
	arr, p := sym("arr", types.ArrayOf(f32, 3)), sym("p", ptr(i16))
	vec := sym("vv", types.VectorOf(f32, 4))
	fn := terra("f", syms(arr, p, vec), nil,
		set(idx(v(arr), ilit(2, u64)), lit(1)),
		set(idx(v(p), ilit(-1, i8)), lit(1)),
		vardecl(sym("e", nil), idx(v(vec), lit(0))),
		es(want(s, idx(v(arr), want(s, flit(1), "expected integral index but found double")), "")),
		es(want(s, idx(lit(3), lit(0)), "expected an array or pointer but found int32")),
	)
	delete(s.ann, fn.Def.Body.Stmts[3].(*tree.ExprStmt).X)
	got := s.ok(t, fn)
	for _, w := range []string{"arr[2] = cast<float>(1)", "p[-1] = cast<int16>(1)", "var e : float = vv[0]"} {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in\n%s", w, got)
		}
	}
}

func TestVectors(t *testing.T) {
	s := newSuite()
	vf := types.VectorOf(f32, 4)
	vi := types.VectorOf(i32, 4)
	a, b := sym("a", vf), sym("b", vi)
	fn := terra("f", syms(a, b), nil,
		vardecl(sym("x", nil), bin("+", v(a), lit(1))),
		vardecl(sym("y", nil), bin("<", v(a), v(b))),
		vardecl(sym("z", nil), bin("<<", v(b), lit(2))),
	)
	expectDump(t, s.ok(t, fn), `
		f : {vector(float,4),vector(int32,4)} -> {}
		  var x : vector(float,4) = (a + cast<vector(float,4)>(cast<float>(1)))
		  var y : vector(bool,4) = (a < cast<vector(float,4)>(b))
		  var z : vector(int32,4) = (b << cast<vector(int32,4)>(2))`)
}

func TestMethods(t *testing.T) {
	s := newSuite()
	h := s.host
	S := structT("S", "x", i32)
	self := sym("self", ptr(S))
	get := terra("get", syms(self), nil, ret(sel(v(self), "x")))
	byval := sym("self", S)
	val := terra("val", syms(byval, sym("k", i64)), nil, ret(bin("+", sel(v(byval), "x"), v(sym("k", nil)))))
	val.Def.Body.Stmts[0].(*tree.Return).Exprs[0].(*tree.Binary).Y = v(val.Def.Params[1])
	h.addMethod(S, "get", get)
	h.addMethod(S, "val", val)
	st, ps := sym("s", S), sym("ps", ptr(S))
	fn := terra("f", syms(st, ps), nil,
		es(mcall(v(st), "get")),
		es(mcall(v(ps), "get")),
		es(mcall(v(st), "val", lit(1))),
		es(mcall(v(ps), "val", lit(1))),
		es(mcall(call(lv(h.typ(S)), tup(lit(1))), "get")),
		es(call(sel(lv(h.typ(S)), "get"), v(ps))),
		es(want(s, mcall(v(st), "nope"), "no such method nope defined for type S")),
		es(want(s, mcall(lit(1), "get"), "attempting to call a method on a non-structural type int32")),
		es(want(s, mcall(v(st), "val"), "expected 2 parameters (S,int64), but found 1 (S)")),
		es(want(s, sel(lv(h.typ(S)), "nope"), "no such method nope defined for type S")),
	)
	s.run(t, fn)
	got := dump(fn)
	for _, w := range []string{
		"get(&s)", "get(ps)", "val(s, cast<int64>(1))", "val(@ps, cast<int64>(1))",
		"get(let(var <rvalue> : S = S{x = 1} in &<rvalue>))", "get(ps)",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in\n%s", w, got)
		}
	}
}

func TestLazyAndRecursion(t *testing.T) {
	s := newSuite()
	n := sym("n", i32)
	// fib with declared result: recursion fine.
	fib := terra("fib", syms(n), i32, ret(call(&tree.FuncRef{}, bin("-", v(n), lit(1)))))
	fib.Def.Body.Stmts[0].(*tree.Return).Exprs[0].(*tree.Call).Fn = fref(fib)
	// loop without a result type: error.
	m := sym("m", i32)
	loop := terra("loop", syms(m), nil, ret(want(s, call(&tree.FuncRef{}, v(m)), "")))
	call0 := loop.Def.Body.Stmts[0].(*tree.Return).Exprs[0].(*tree.Call)
	call0.Fn = want(s, fref(loop), "referenced function needs an explicit return type")
	delete(s.ann, call0)
	// lazy: user references helper which is unchecked
	helper := terra("helper", nil, nil, ret(lit(4)))
	user := terra("user", nil, nil, ret(call(fref(helper))))
	// a declared-only function can be called
	decl := tree.NewFunction("later")
	decl.Type = types.FuncOf([]*types.Type{i32}, f64, false)
	caller := terra("caller", nil, nil, ret(call(fref(decl), lit(1))))
	// a failing callee fails its caller, naming it
	bad := terra("bad", nil, nil, ret(want(s, bin("+", lit(1), blit(true)), "incompatible types")))
	victim := terra("victim", nil, nil, es(call(want(s, fref(bad), "referenced function bad has type errors"))))
	fn := []*tree.Function{fib, loop, user, caller, bad, victim}
	check := s.run(t, fn...)
	_ = check
	if fib.State != tree.Checked || fib.Type.String() != "{int32} -> int32" {
		t.Errorf("fib: %v %s", fib.State, fib.Type)
	}
	if loop.State != tree.CheckFailed {
		t.Errorf("loop state %v", loop.State)
	}
	if helper.State != tree.Checked || helper.Type.String() != "{} -> int32" || user.Type.String() != "{} -> int32" {
		t.Errorf("lazy: %v %s %s", helper.State, helper.Type, user.Type)
	}
	if caller.Type.String() != "{} -> double" {
		t.Errorf("caller: %s", caller.Type)
	}
	if victim.State != tree.CheckFailed || !strings.Contains(victim.CheckErr.Error(), "incompatible types") {
		t.Errorf("victim: %v", victim.CheckErr)
	}
	// checking again returns the recorded error
	if err := New(s.host).Function(victim); err != victim.CheckErr {
		t.Errorf("recorded error not returned")
	}
}

func TestMutualRecursionDeclared(t *testing.T) {
	s := newSuite()
	n, m := sym("n", i32), sym("m", i32)
	even := terra("even", syms(n), boolT)
	odd := terra("odd", syms(m), boolT)
	even.Def.Body.Stmts = []tree.Stmt{ret(call(fref(odd), v(n)))}
	odd.Def.Body.Stmts = []tree.Stmt{ret(call(fref(even), v(m)))}
	s.run(t, even, odd)
	if odd.State != tree.Checked || even.State != tree.Checked {
		t.Errorf("states %v %v", even.State, odd.State)
	}
}

func TestLetAndDefer(t *testing.T) {
	s := newSuite()
	x := sym("x", nil)
	g := terra("g", nil, nil)
	y := sym("y", nil)
	fn := terra("f", nil, nil,
		es(let([]tree.Stmt{vardecl(x, lit(1))})),
		set(v(x), lit(2)), // x stays visible after a spliced quote
		vardecl(y, let([]tree.Stmt{vardecl(sym("t", nil), flit(1))}, lit(1), flit(2))),
		vardecl(sym("z", nil), let(nil, lit(5))),
		deferS(call(fref(g))),
		want(s, deferS(lit(1)), "deferred statement must resolve to a function call"),
		vars(syms(sym("a", nil), sym("b", nil)), let(nil, lit(1), flit(2))), // spliced list expands
	)
	fn.Def.Body.Stmts[5].(*tree.Defer).Call = want(s, lit(1), "deferred statement must resolve to a function call")
	delete(s.ann, fn.Def.Body.Stmts[5])
	s.run(t, fn)
	expectDump(t, dump(fn), `
		f : {} -> {}
		  var x : int32 = 1
		  x = 2
		  var y : {int32,double} = let(var t : double = 1 in 1, 2)
		  var z : int32 = let( in 5)
		  defer g()
		  defer 1
		  var a : int32, b : double = 1, 2`)
}

func TestErrorRendering(t *testing.T) {
	s := newSuite()
	fn := terra("f", nil, nil, ifs(want(s, lit(3), "expected a bool expression"), blk(), nil))
	s.run(t, fn)
	err := fn.CheckErr.(*CheckError)
	want := "t.t:2:6: expected a bool expression but found int32\nErrors reported during typechecking."
	if err.Error() != want {
		t.Errorf("got %q", err.Error())
	}
	r := err.Render()
	if !strings.Contains(r, "\n         ^\n") || !strings.HasSuffix(r, "Errors reported during typechecking.\n") {
		t.Errorf("render:\n%s", r)
	}
}

func TestParenCallAndFunctionValues(t *testing.T) {
	s := newSuite()
	g := terra("g", syms(sym("x", i32)), i32, ret(lit(1)))
	fp := sym("fp", ptr(types.FuncOf([]*types.Type{i32}, i32, false)))
	fn := terra("f", nil, nil,
		es(call(paren(fref(g)), lit(1))),
		vardecl(fp, fref(g)),
		es(call(v(fp), ilit(2, i8))),
		vardecl(sym("q", ptr(types.OpaqueT)), fref(g)),
	)
	expectDump(t, s.ok(t, fn), `
		f : {} -> {}
		  g(1)
		  var fp : &{int32} -> int32 = cast<&{int32} -> int32>(g)
		  fp(cast<int32>(2))
		  var q : &opaque = cast<&opaque>(cast<&{int32} -> int32>(g))`)
}
