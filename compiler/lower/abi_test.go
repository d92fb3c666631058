package lower

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"terrac/compiler/tree"
	"terrac/compiler/types"
)

// abiC defines, for each struct shape, c_K(K) returning K (a += 1,
// every other field *2), and c_check, which calls the Terra functions
// t_K (which call c_K and then add 100 to a) and prints the results.
const abiC = `
#include <stdio.h>
#include <stdbool.h>
typedef struct { float a, b; } F2;
typedef struct { double a, b; } D2;
typedef struct { int a, b; } I2;
typedef struct { int a; double b; } M;
typedef struct { int a, b, c; } I3;
typedef struct { long a, b, c; } Big;
typedef struct { char a, b, c; } B3;
typedef struct { float a, b, c; } F3;
typedef struct { double a; float b; } DF;
typedef struct { char a; double b; } CD;
typedef struct { double a; short b; } DS;
#define DEF(K, ...) K c_##K(K x) { x.a += 1; __VA_ARGS__; return x; } K t_##K(K x);
DEF(F2, x.b *= 2) DEF(D2, x.b *= 2) DEF(I2, x.b *= 2) DEF(M, x.b *= 2) DEF(I3, x.b *= 2; x.c *= 2)
DEF(Big, x.b *= 2; x.c *= 2) DEF(B3, x.b *= 2; x.c *= 2) DEF(F3, x.b *= 2; x.c *= 2) DEF(DF, x.b *= 2)
DEF(CD, x.b *= 2) DEF(DS, x.b *= 2)
bool c_not(bool b) { return !b; }
short c_neg(short s) { return -s; }
bool t_not(bool b); short t_neg(short s);
double t_many(double a, double b, double c, double d, double e, double f, double g, double h, D2 x, D2 y);
void c_check(void) {
	F2 f2 = t_F2((F2){1, 2}); printf("F2 %g %g\n", f2.a, f2.b);
	D2 d2 = t_D2((D2){1, 2}); printf("D2 %g %g\n", d2.a, d2.b);
	I2 i2 = t_I2((I2){1, 2}); printf("I2 %d %d\n", i2.a, i2.b);
	M m = t_M((M){1, 2}); printf("M %d %g\n", m.a, m.b);
	I3 i3 = t_I3((I3){1, 2, 3}); printf("I3 %d %d %d\n", i3.a, i3.b, i3.c);
	Big bg = t_Big((Big){1, 2, 3}); printf("Big %ld %ld %ld\n", bg.a, bg.b, bg.c);
	B3 b3 = t_B3((B3){1, 2, 3}); printf("B3 %d %d %d\n", b3.a, b3.b, b3.c);
	F3 f3 = t_F3((F3){1, 2, 3}); printf("F3 %g %g %g\n", f3.a, f3.b, f3.c);
	DF df = t_DF((DF){1, 2}); printf("DF %g %g\n", df.a, df.b);
	CD cd = t_CD((CD){1, 2}); printf("CD %d %g\n", cd.a, cd.b);
	DS ds = t_DS((DS){1, 2}); printf("DS %g %d\n", ds.a, ds.b);
	printf("bool %d %d short %d\n", t_not(1), t_not(0), t_neg(-5));
	printf("many %g\n", t_many(1, 2, 3, 4, 5, 6, 7, 8, (D2){9, 10}, (D2){11, 12}));
}
`

func abiStruct(name string, fts ...*types.Type) *types.Type {
	s := types.NewStruct(name)
	for i, ft := range fts {
		s.Entries = append(s.Entries, types.Entry{Field: types.Field{Name: string(rune('a' + i)), Type: ft}})
	}
	return s
}

func TestSysVInteropWithC(t *testing.T) {
	clang := haveTool(t, "clang-14")
	link := haveTool(t, "llvm-link-14")
	lli := haveTool(t, "lli-14")
	shapes := []*types.Type{
		abiStruct("F2", f32, f32), abiStruct("D2", f64, f64), abiStruct("I2", i32, i32),
		abiStruct("M", i32, f64), abiStruct("I3", i32, i32, i32), abiStruct("Big", i64, i64, i64),
		abiStruct("B3", i8, i8, i8), abiStruct("F3", f32, f32, f32), abiStruct("DF", f64, f32),
		abiStruct("CD", i8, f64), abiStruct("DS", f64, types.Int16),
	}
	var fns []*tree.Function
	for _, st := range shapes {
		name := st.StructInfo.Name
		c := tree.NewExtern("c_"+name, types.FuncOf([]*types.Type{st}, st, false))
		x, r := sym("x", st), sym("r", st)
		a := st.Entries[0].Type
		fn := fun("t_"+name, []*tree.Symbol{x}, st,
			decl(r, call(c, vr(x))),
			assign(sel(vr(r), "a"), bin("+", sel(vr(r), "a"), lit(a, 100))),
			ret(vr(r)))
		fn.LinkName = "t_" + name
		fns = append(fns, fn)
	}
	cnot := tree.NewExtern("c_not", types.FuncOf([]*types.Type{tb}, tb, false))
	cneg := tree.NewExtern("c_neg", types.FuncOf([]*types.Type{types.Int16}, types.Int16, false))
	bb, ss := sym("b", tb), sym("s", types.Int16)
	tnot := fun("t_not", []*tree.Symbol{bb}, tb, ret(call(cnot, vr(bb))))
	tnot.LinkName = "t_not"
	tneg := fun("t_neg", []*tree.Symbol{ss}, types.Int16, ret(call(cneg, vr(ss))))
	tneg.LinkName = "t_neg"
	// Eight doubles use every SSE register, so the D2s go on the stack.
	var ps []*tree.Symbol
	var sum tree.Expr
	for i := 0; i < 8; i++ {
		ps = append(ps, sym("p", f64))
	}
	d2 := shapes[1]
	x, y := sym("x", d2), sym("y", d2)
	ps = append(ps, x, y)
	for _, p := range ps[:8] {
		if sum == nil {
			sum = vr(p)
		} else {
			sum = bin("+", sum, vr(p))
		}
	}
	sum = bin("+", sum, bin("*", sel(vr(x), "a"), sel(vr(y), "b")))
	many := fun("t_many", ps, f64, ret(sum))
	many.LinkName = "t_many"
	check := tree.NewExtern("c_check", types.FuncOf(nil, nil, false))
	main := mainFn(do(call(check)), ret(ilit(0)))
	fns = append(fns, tnot, tneg, many, main)

	ir := build(t, fns...)
	verify(t, ir)
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cfile := write("c.c", abiC)
	tfile := write("t.ll", ir)
	cll := filepath.Join(dir, "c.ll")
	if out, err := exec.Command(clang, "-O1", "-S", "-emit-llvm", "-o", cll, cfile).CombinedOutput(); err != nil {
		t.Fatalf("clang: %v\n%s", err, out)
	}
	linked := filepath.Join(dir, "all.bc")
	if out, err := exec.Command(link, "-o", linked, cll, tfile).CombinedOutput(); err != nil {
		t.Fatalf("llvm-link: %v\n%s", err, out)
	}
	cmd := exec.Command(lli, linked)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("lli: %v\n%s", err, stderr.String())
	}
	want := `F2 102 4
D2 102 4
I2 102 4
M 102 4
I3 102 4 6
Big 102 4 6
B3 102 4 6
F3 102 4 6
DF 102 4
CD 102 4
DS 102 4
bool 0 1 short 5
many 144
`
	if stdout.String() != want {
		t.Errorf("got\n%s\nwant\n%s\n%s", stdout.String(), want, numbered(ir))
	}
}
