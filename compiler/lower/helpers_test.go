package lower

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"terrac/compiler/tree"
	"terrac/compiler/types"
)

// A tiny builder for checked trees, standing in for compiler/check.

var (
	i8  = types.Int8
	i32 = types.Int32
	u32 = types.Uint32
	i64 = types.Int64
	u8  = types.Uint8
	f32 = types.Float32
	f64 = types.Float64
	tb  = types.Boolean
	str = types.PointerTo(types.Int8)
)

func base(t *types.Type) tree.ExprBase { return tree.ExprBase{Type: t} }

func sym(name string, t *types.Type) *tree.Symbol { return tree.NewSymbol(name, t) }

func vr(s *tree.Symbol) tree.Expr {
	return &tree.Var{ExprBase: tree.ExprBase{Type: s.VarType(), LValue: true}, Sym: s}
}

func lit(t *types.Type, n int64) tree.Expr {
	if t.Kind == types.Float {
		return &tree.FloatLit{ExprBase: base(t), Value: float64(n)}
	}
	return &tree.IntLit{ExprBase: base(t), Bits: uint64(n)}
}
func ilit(n int64) tree.Expr                  { return lit(i32, n) }
func flit(t *types.Type, f float64) tree.Expr { return &tree.FloatLit{ExprBase: base(t), Value: f} }
func blit(v bool) tree.Expr                   { return &tree.BoolLit{ExprBase: base(tb), Value: v} }
func slit(s string) tree.Expr                 { return &tree.StringLit{ExprBase: base(str), Value: s} }

func bin(op string, x, y tree.Expr) tree.Expr {
	t := tree.TypeOf(x)
	switch op {
	case "<", "<=", ">", ">=", "==", "~=":
		t = tb
		if xt := tree.TypeOf(x); xt.Kind == types.Vector {
			t = types.VectorOf(tb, xt.N)
		}
	}
	if op == "-" && t.Kind == types.Pointer && tree.TypeOf(y).Kind == types.Pointer {
		t = i64
	}
	return &tree.Binary{ExprBase: base(t), Op: op, X: x, Y: y}
}

func un(op string, x tree.Expr) tree.Expr {
	t := tree.TypeOf(x)
	e := &tree.Unary{Op: op, X: x}
	switch op {
	case "@":
		e.ExprBase = tree.ExprBase{Type: t.Elem, LValue: true}
		return e
	case "&":
		t = types.PointerTo(t)
	}
	e.ExprBase = base(t)
	return e
}

func cast(t *types.Type, x tree.Expr) tree.Expr {
	return &tree.Cast{ExprBase: base(t), X: x, Explicit: true}
}

func ref(fn *tree.Function) tree.Expr { return &tree.FuncRef{ExprBase: base(fn.Type), Fn: fn} }

func call(fn *tree.Function, args ...tree.Expr) tree.Expr {
	return &tree.Call{ExprBase: base(fn.Type.Result), Fn: ref(fn), Args: args}
}

func callPtr(p tree.Expr, args ...tree.Expr) tree.Expr {
	return &tree.Call{ExprBase: base(tree.TypeOf(p).Elem.Result), Fn: p, Args: args}
}

func sel(x tree.Expr, name string) tree.Expr {
	st := tree.TypeOf(x)
	if _, err := st.Layout(); err != nil {
		panic(err)
	}
	f, ok := st.FieldByName(name)
	if !ok {
		panic("no field " + name)
	}
	return &tree.Select{ExprBase: tree.ExprBase{Type: f.Type, LValue: tree.TypeOf(x) != nil}, X: x, Name: name, Field: &f}
}

func idx(x, i tree.Expr) tree.Expr {
	return &tree.Index{ExprBase: tree.ExprBase{Type: tree.TypeOf(x).Elem, LValue: true}, X: x, I: i}
}

func ctor(t *types.Type, vals ...tree.Expr) tree.Expr {
	c := &tree.Constructor{ExprBase: base(t)}
	for _, v := range vals {
		c.Fields = append(c.Fields, tree.CtorField{Value: v})
	}
	return c
}

func block(ss ...tree.Stmt) *tree.Block { return &tree.Block{Stmts: ss} }

func decl(s *tree.Symbol, init tree.Expr) tree.Stmt {
	d := &tree.VarDecl{Syms: []*tree.Symbol{s}, Types: []*types.Type{s.Type}}
	if init != nil {
		d.Inits = []tree.Expr{init}
	}
	return d
}

func assign(l, r tree.Expr) tree.Stmt { return &tree.Assign{Lhs: []tree.Expr{l}, Rhs: []tree.Expr{r}} }

func ret(xs ...tree.Expr) tree.Stmt { return &tree.Return{Exprs: xs} }

func do(x tree.Expr) tree.Stmt { return &tree.ExprStmt{X: x} }

func ifs(cond tree.Expr, then *tree.Block, els *tree.Block) tree.Stmt {
	return &tree.If{Branches: []tree.IfBranch{{Cond: cond, Body: then}}, Else: els}
}

func while(cond tree.Expr, body ...tree.Stmt) tree.Stmt {
	return &tree.While{Cond: cond, Body: block(body...)}
}

func fornum(v *tree.Symbol, start, limit, step tree.Expr, body ...tree.Stmt) tree.Stmt {
	return &tree.ForNum{Var: v, Start: start, Limit: limit, Step: step, Body: block(body...)}
}

// fun makes a checked Terra function.
func fun(name string, params []*tree.Symbol, result *types.Type, body ...tree.Stmt) *tree.Function {
	fn := tree.NewFunction(name)
	var pts []*types.Type
	for _, p := range params {
		pts = append(pts, p.Type)
	}
	fn.Type = types.FuncOf(pts, result, false)
	fn.Def = &tree.FuncDef{Params: params, Result: result, Body: block(body...)}
	fn.State = tree.Checked
	return fn
}

var printf = tree.NewExtern("printf", types.FuncOf([]*types.Type{str}, i32, true))

func printfCall(format string, args ...tree.Expr) tree.Stmt {
	return do(call(printf, append([]tree.Expr{slit(format)}, args...)...))
}

// mainFn makes `int32 main()` with the C link name.
func mainFn(body ...tree.Stmt) *tree.Function {
	fn := fun("main", nil, i32, body...)
	fn.LinkName = "main"
	return fn
}

// build lowers fns into one module and returns its IR text.
func build(t *testing.T, fns ...*tree.Function) string {
	t.Helper()
	m := NewModule(t.Name())
	for _, fn := range fns {
		if err := m.AddFunction(fn); err != nil {
			t.Fatalf("AddFunction(%s): %v", fn.Name, err)
		}
	}
	return m.String()
}

func haveTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not installed", name)
	}
	return p
}

// verify runs opt-14 -verify on the IR.
func verify(t *testing.T, ir string) {
	t.Helper()
	opt := haveTool(t, "opt-14")
	cmd := exec.Command(opt, "-verify", "-S", "-o", "/dev/null")
	cmd.Stdin = strings.NewReader(ir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("opt-14 -verify failed: %v\n%s\n%s", err, stderr.String(), numbered(ir))
	}
}

// run verifies the IR and runs it with lli-14 (also after -O2),
// returning stdout and the exit code.
func run(t *testing.T, ir string) (string, int) {
	t.Helper()
	verify(t, ir)
	lli := haveTool(t, "lli-14")
	dir := t.TempDir()
	file := filepath.Join(dir, "m.ll")
	if err := os.WriteFile(file, []byte(ir), 0o644); err != nil {
		t.Fatal(err)
	}
	out, code := runLLI(t, lli, file, ir)
	// Optimized code must behave the same (catches UB-dependent IR).
	opt := haveTool(t, "opt-14")
	optFile := filepath.Join(dir, "o.ll")
	if b, err := exec.Command(opt, "-O2", "-S", file, "-o", optFile).CombinedOutput(); err != nil {
		t.Fatalf("opt -O2: %v\n%s", err, b)
	}
	out2, code2 := runLLI(t, lli, optFile, ir)
	if out2 != out || code2 != code {
		t.Errorf("-O2 changed behaviour: %q/%d vs %q/%d", out2, code2, out, code)
	}
	return out, code
}

func runLLI(t *testing.T, lli, file, ir string) (string, int) {
	t.Helper()
	cmd := exec.Command(lli, file)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok || ee.ExitCode() < 0 {
			t.Fatalf("lli-14: %v\n%s\n%s", err, stderr.String(), numbered(ir))
		}
		code = ee.ExitCode()
	}
	return stdout.String(), code
}

func numbered(s string) string {
	var b strings.Builder
	for i, l := range strings.Split(s, "\n") {
		b.WriteString(strings.Repeat(" ", 4-len(itoa(i+1))))
		b.WriteString(itoa(i + 1))
		b.WriteString("  ")
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
}

// expectRun lowers fns (one of them main), runs them and checks stdout
// and the exit code.
func expectRun(t *testing.T, wantOut string, wantCode int, fns ...*tree.Function) {
	t.Helper()
	ir := build(t, fns...)
	out, code := run(t, ir)
	if out != wantOut || code != wantCode {
		t.Errorf("got stdout %q exit %d, want %q exit %d\n%s", out, code, wantOut, wantCode, numbered(ir))
	}
}
