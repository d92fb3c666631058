// This file tests that CopyExpr/CopyStmts make deep copies of every
// node kind while sharing symbols, labels, functions and globals.
package tree

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/types"
	"terrac/lang/source"
)

// shared holds the objects a copy must share with its original.
type shared struct {
	file  *source.File
	x, y  *Symbol
	i     *Symbol
	lab   *Label
	fn    *Function
	g     *Global
	table lua.LValue
}

func newShared() *shared {
	return &shared{
		file:  source.NewFile("t.t", []byte("0123456789")),
		x:     NewSymbol("x", types.Int32),
		y:     NewSymbol("y", nil),
		i:     NewSymbol("i", types.Int64),
		lab:   NewLabel("again"),
		fn:    NewFunction("f"),
		g:     NewGlobal("g", types.Float64),
		table: lua.LString("luavalue"),
	}
}

// sample builds statements that contain every expression and statement
// kind, each with non-empty children. Calling it twice with the same
// shared objects gives equal trees.
func sample(s *shared) []Stmt {
	sp := func(n int) source.Span {
		return source.Span{File: s.file, Start: source.Pos(n), End: source.Pos(n + 1)}
	}
	eb := func(n int) ExprBase { return ExprBase{Pos: sp(n)} }
	sb := func(n int) StmtBase { return StmtBase{Pos: sp(n)} }
	v := func(sym *Symbol) Expr { return &Var{ExprBase: eb(1), Sym: sym} }
	one := func() Expr { return &IntLit{ExprBase: ExprBase{Pos: sp(2), Type: types.Int32}, Bits: 1} }
	blk := func(ss ...Stmt) *Block { return &Block{StmtBase: sb(3), Stmts: ss} }

	exprs := []Expr{
		v(s.x),
		&Prechecked{ExprBase: eb(4), X: &Binary{ExprBase: eb(4), Op: "+", X: v(s.x), Y: one()}},
		&FuncRef{ExprBase: eb(5), Fn: s.fn},
		&LuaValue{ExprBase: eb(5), Value: s.table},
		one(),
		&FloatLit{ExprBase: eb(6), Value: 2.5},
		&BoolLit{ExprBase: eb(6), Value: true},
		&StringLit{ExprBase: eb(6), Value: "str"},
		&NilLit{ExprBase: eb(6)},
		&Unary{ExprBase: eb(7), Op: "-", X: v(s.x)},
		&Binary{ExprBase: eb(7), Op: "*", X: v(s.x), Y: one()},
		&Call{ExprBase: eb(7), Fn: &FuncRef{ExprBase: eb(7), Fn: s.fn}, Args: []Expr{v(s.x), one()}},
		&MethodCall{ExprBase: eb(7), Recv: v(s.y), Name: "m", Args: []Expr{one()}},
		&Select{ExprBase: eb(8), X: v(s.y), Name: "fld"},
		&Index{ExprBase: eb(8), X: v(s.y), I: one()},
		&Constructor{ExprBase: eb(8), Fields: []CtorField{{Name: "a", Value: one()}, {Value: v(s.x)}}},
		&Cast{ExprBase: ExprBase{Pos: sp(8), Type: types.Int64}, X: v(s.x), Explicit: true},
		&Let{ExprBase: eb(9), Stmts: []Stmt{&ExprStmt{StmtBase: sb(9), X: one()}}, Exprs: []Expr{v(s.x), one()}},
		&Paren{ExprBase: eb(9), X: v(s.x)},
		&Intrinsic{ExprBase: eb(9), Name: "llvm.sqrt.f64", Args: []Expr{one()}},
		&ArrayLit{ExprBase: eb(1), Elem: types.Int32, Vector: true, Elems: []Expr{one(), one()}},
		&CondSelect{ExprBase: eb(1), C: &BoolLit{Value: true}, A: one(), B: v(s.x)},
		&Unpack{ExprBase: eb(1), X: v(s.y), From: 1, To: 2, Tuple: true},
		&GlobalRef{ExprBase: eb(2), G: s.g},
		&LowLevel{ExprBase: eb(2), Op: "atomicrmw", Args: []Expr{v(s.y), one()}, RMW: "add",
			Ordering: "seq_cst", SyncScope: "one", Align: 4, Volatile: true},
		&Temp{ExprBase: eb(3), X: one(), Sym: s.i},
		&FullExpr{ExprBase: eb(3), X: v(s.x), Cleanup: []Expr{one(), v(s.y)}},
		&Directive{ExprBase: eb(3), Op: "move", X: v(s.y)},
	}
	stmts := []Stmt{
		&VarDecl{StmtBase: sb(1), Syms: []*Symbol{s.x, s.y}, Types: []*types.Type{types.Int32, nil}, Inits: []Expr{one(), one()}},
		&Assign{StmtBase: sb(1), Lhs: []Expr{v(s.x)}, Rhs: []Expr{one()}},
		&If{StmtBase: sb(2), Branches: []IfBranch{
			{Cond: &BoolLit{Value: true}, Body: blk(&Break{StmtBase: sb(2)})},
			{Cond: v(s.y), Body: blk()},
		}, Else: blk(&ExprStmt{StmtBase: sb(2), X: one()})},
		&While{StmtBase: sb(3), Cond: v(s.y), Body: blk(&Break{StmtBase: sb(3)})},
		&Repeat{StmtBase: sb(3), Body: blk(&Goto{StmtBase: sb(3), Label: s.lab}), Cond: v(s.y)},
		&ForNum{StmtBase: sb(4), Var: s.i, Start: one(), Limit: one(), Step: one(), Body: blk()},
		&LabelStmt{StmtBase: sb(4), Label: s.lab},
		&Defer{StmtBase: sb(5), Call: &Call{Fn: &FuncRef{Fn: s.fn}, Args: []Expr{one()}}, Owner: s.x},
		&Switch{StmtBase: sb(5), Value: v(s.x), Cases: []*Case{
			{StmtBase: sb(5), Values: []Expr{one(), one()}, Body: blk(&ExprStmt{X: one()})},
		}, Else: blk()},
		&Case{StmtBase: sb(6), Values: []Expr{one()}, Body: blk()},
		&ForIn{StmtBase: sb(6), Vars: []*Symbol{s.i}, Iter: v(s.y), Body: blk(&ExprStmt{X: one()})},
		&Return{StmtBase: sb(7), Exprs: []Expr{one()}, Moved: []*Symbol{s.y}},
	}
	for _, e := range exprs {
		stmts = append(stmts, &ExprStmt{StmtBase: sb(8), X: e})
	}
	return []Stmt{blk(stmts...)}
}

// identity compares the shared objects by pointer, not by contents.
var identity = cmp.Options{
	cmp.Comparer(func(a, b *Symbol) bool { return a == b }),
	cmp.Comparer(func(a, b *Label) bool { return a == b }),
	cmp.Comparer(func(a, b *Function) bool { return a == b }),
	cmp.Comparer(func(a, b *Global) bool { return a == b }),
	cmp.Comparer(func(a, b *types.Type) bool { return a == b }),
	cmp.Comparer(func(a, b *source.File) bool { return a == b }),
	cmp.Comparer(func(a, b lua.LValue) bool { return a == b }),
}

func isShared(t reflect.Type) bool {
	switch t {
	case reflect.TypeOf(&Symbol{}), reflect.TypeOf(&Label{}), reflect.TypeOf(&Function{}),
		reflect.TypeOf(&Global{}), reflect.TypeOf(&types.Type{}), reflect.TypeOf(&source.File{}),
		reflect.TypeOf(&types.FieldLayout{}):
		return true
	}
	return false
}

var luaValueType = reflect.TypeOf((*lua.LValue)(nil)).Elem()

// nodeTypes returns the names of the node types reachable from v.
func nodeTypes(v reflect.Value, seen map[string]bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || isShared(v.Type()) {
			return
		}
		if v.Elem().Kind() == reflect.Struct {
			seen[v.Elem().Type().Name()] = true
		}
		nodeTypes(v.Elem(), seen)
	case reflect.Interface:
		if !v.IsNil() && v.Type() != luaValueType {
			nodeTypes(v.Elem(), seen)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			nodeTypes(v.Field(i), seen)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			nodeTypes(v.Index(i), seen)
		}
	}
}

// mutate changes every field reachable from v through tree nodes:
// scalars change, pointers to shared objects are replaced by fresh
// ones, slices are changed element by element (so a shared backing
// array shows). Prechecked.X is replaced rather than entered: the
// checked subtree is shared on purpose.
func mutate(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		if isShared(v.Type()) {
			if v.CanSet() {
				v.Set(reflect.New(v.Type().Elem()))
			}
			return
		}
		if p, ok := v.Interface().(*Prechecked); ok {
			mutate(reflect.ValueOf(&p.ExprBase).Elem())
			p.X = &NilLit{}
			return
		}
		mutate(v.Elem())
	case reflect.Interface:
		if v.IsNil() {
			return
		}
		if v.Type() == luaValueType {
			v.Set(reflect.ValueOf(lua.LString("mutated")))
			return
		}
		mutate(v.Elem())
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			mutate(v.Field(i))
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			mutate(v.Index(i))
		}
	case reflect.String:
		v.SetString(v.String() + "!")
	case reflect.Int, reflect.Int32, reflect.Int64:
		v.SetInt(v.Int() + 100)
	case reflect.Uint64:
		v.SetUint(v.Uint() + 100)
	case reflect.Float64:
		v.SetFloat(v.Float() + 100)
	case reflect.Bool:
		v.SetBool(!v.Bool())
	}
}

// declaredNodeTypes lists the types of this package that embed
// ExprBase or StmtBase, so a new node kind cannot escape this test.
func declaredNodeTypes(t *testing.T) []string {
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, ".", func(fi fs.FileInfo) bool {
		return !strings.HasSuffix(fi.Name(), "_test.go")
	}, 0)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range pkgs {
		for _, f := range p.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				ts, ok := n.(*ast.TypeSpec)
				if !ok {
					return true
				}
				st, ok := ts.Type.(*ast.StructType)
				if !ok {
					return false
				}
				for _, fld := range st.Fields.List {
					if id, ok := fld.Type.(*ast.Ident); ok && len(fld.Names) == 0 &&
						(id.Name == "ExprBase" || id.Name == "StmtBase") {
						names = append(names, ts.Name.Name)
					}
				}
				return false
			})
		}
	}
	sort.Strings(names)
	return names
}

func TestSampleCoversEveryNodeKind(t *testing.T) {
	seen := map[string]bool{}
	nodeTypes(reflect.ValueOf(sample(newShared())), seen)
	var missing []string
	for _, n := range declaredNodeTypes(t) {
		if !seen[n] {
			missing = append(missing, n)
		}
	}
	if len(missing) > 0 {
		t.Errorf("sample tree lacks node kinds %v; add them to sample", missing)
	}
}

func TestCopyStmtsEqualsOriginal(t *testing.T) {
	s := newShared()
	orig := sample(s)
	cp := CopyStmts(orig)
	if diff := cmp.Diff(orig, cp, identity); diff != "" {
		t.Errorf("copy differs from original (-orig +copy):\n%s", diff)
	}
}

func TestCopyStmtsIsDeep(t *testing.T) {
	s := newShared()
	orig := sample(s)
	cp := CopyStmts(orig)
	mutate(reflect.ValueOf(cp))
	if diff := cmp.Diff(sample(s), orig, identity); diff != "" {
		t.Errorf("mutating the copy changed the original (-want +got):\n%s", diff)
	}
	// The mutation reached the copy (guards against a no-op mutate).
	if diff := cmp.Diff(sample(s), cp, identity); diff == "" {
		t.Errorf("mutate left the copy unchanged")
	}
}

func TestCopyExprEachKind(t *testing.T) {
	s := newShared()
	orig := sample(s)[0].(*Block).Stmts
	for i, st := range orig {
		es, ok := st.(*ExprStmt)
		if !ok {
			continue
		}
		name := reflect.TypeOf(es.X).Elem().Name()
		t.Run(name, func(t *testing.T) {
			cp := CopyExpr(es.X)
			if cp == es.X {
				t.Fatalf("CopyExpr returned the same node")
			}
			if diff := cmp.Diff(es.X, cp, identity); diff != "" {
				t.Errorf("copy differs (-orig +copy):\n%s", diff)
			}
			mutate(reflect.ValueOf(cp))
			want := sample(s)[0].(*Block).Stmts[i].(*ExprStmt).X
			if diff := cmp.Diff(want, es.X, identity); diff != "" {
				t.Errorf("mutating the copy changed the original (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCopySharesIdentityObjects(t *testing.T) {
	s := newShared()
	decl := &VarDecl{Syms: []*Symbol{s.x}, Inits: []Expr{&Var{Sym: s.x}}}
	gt := &Goto{Label: s.lab}
	ref := &FuncRef{Fn: s.fn}
	pre := &Prechecked{X: &Var{Sym: s.y}}
	out := CopyStmts([]Stmt{decl, gt, &ExprStmt{X: ref}, &ExprStmt{X: pre}})
	if got := out[0].(*VarDecl); got.Syms[0] != s.x || got.Inits[0].(*Var).Sym != s.x {
		t.Errorf("VarDecl copy did not share its symbol")
	}
	if out[1].(*Goto).Label != s.lab {
		t.Errorf("Goto copy did not share its label")
	}
	if out[2].(*ExprStmt).X.(*FuncRef).Fn != s.fn {
		t.Errorf("FuncRef copy did not share its function")
	}
	// A Prechecked node wraps an already-checked subtree that the checker
	// must not see again; the copy keeps pointing at that subtree.
	if got := out[3].(*ExprStmt).X.(*Prechecked); got == pre || got.X != pre.X {
		t.Errorf("Prechecked copy: new wrapper %v, shared X %v; want true, true", got != pre, got.X == pre.X)
	}
}

func TestCopyForInDropsExpansion(t *testing.T) {
	s := newShared()
	f := &ForIn{Vars: []*Symbol{s.i}, Iter: &Var{Sym: s.y}, Body: &Block{}, Expanded: &Block{}}
	c := CopyStmt(f).(*ForIn)
	if c.Expanded != nil {
		t.Errorf("copied ForIn kept the checker's expansion; a splice must be expanded again")
	}
	if f.Expanded == nil {
		t.Errorf("copy cleared the original's expansion")
	}
}

func TestCopyNil(t *testing.T) {
	if CopyExpr(nil) != nil || CopyExprs(nil) != nil || CopyStmts(nil) != nil || CopyBlock(nil) != nil {
		t.Errorf("copying nil must give nil")
	}
}
