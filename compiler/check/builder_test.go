// This file implements the test DSL: tree constructors, a fake Host, a
// printer that lays a tree out as Terra-like source (giving every node
// its span, and writing --[[ERROR "…"]] annotations), and a dump of
// checked trees that shows every inserted conversion.
package check

import (
	"bytes"
	"fmt"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/source"
)

// ---- fake host ----

type fakeHost struct {
	types   map[lua.LValue]*types.Type
	funcs   map[lua.LValue]*tree.Function
	methods map[*types.Type]map[string]lua.LValue
	names   map[lua.LValue]string
}

func newHost() *fakeHost {
	return &fakeHost{
		types:   map[lua.LValue]*types.Type{},
		funcs:   map[lua.LValue]*tree.Function{},
		methods: map[*types.Type]map[string]lua.LValue{},
		names:   map[lua.LValue]string{},
	}
}

func (h *fakeHost) AsType(v lua.LValue) *types.Type        { return h.types[v] }
func (h *fakeHost) AsFunction(v lua.LValue) *tree.Function { return h.funcs[v] }
func (h *fakeHost) Method(t *types.Type, name string) lua.LValue {
	if v, ok := h.methods[t][name]; ok {
		return v
	}
	return lua.LNil
}

// typ returns a Lua value that denotes t.
func (h *fakeHost) typ(t *types.Type) lua.LValue {
	for v, u := range h.types {
		if u == t {
			return v
		}
	}
	v := &lua.LUserData{}
	h.types[v] = t
	h.names[v] = t.String()
	return v
}

// fn returns a Lua value that is f.
func (h *fakeHost) fn(f *tree.Function) lua.LValue {
	for v, g := range h.funcs {
		if g == f {
			return v
		}
	}
	v := &lua.LUserData{}
	h.funcs[v] = f
	h.names[v] = f.Name
	return v
}

func (h *fakeHost) addMethod(t *types.Type, name string, f *tree.Function) {
	if h.methods[t] == nil {
		h.methods[t] = map[string]lua.LValue{}
	}
	h.methods[t][name] = h.fn(f)
}

// ---- tree constructors ----

var (
	i8    = types.Int8
	i16   = types.Int16
	i32   = types.Int32
	i64   = types.Int64
	u8    = types.Uint8
	u32   = types.Uint32
	u64   = types.Uint64
	f32   = types.Float32
	f64   = types.Float64
	boolT = types.Boolean
	ptr   = types.PointerTo
	unit  = types.Unit()
)

func sym(name string, t *types.Type) *tree.Symbol { return tree.NewSymbol(name, t) }
func v(s *tree.Symbol) *tree.Var                  { return &tree.Var{Sym: s} }
func lit(n int64) *tree.IntLit {
	return &tree.IntLit{ExprBase: tree.ExprBase{Type: i32}, Bits: uint64(n)}
}
func ilit(n int64, t *types.Type) *tree.IntLit {
	return &tree.IntLit{ExprBase: tree.ExprBase{Type: t}, Bits: uint64(n)}
}
func flit(x float64) *tree.FloatLit {
	return &tree.FloatLit{ExprBase: tree.ExprBase{Type: f64}, Value: x}
}
func f32lit(x float64) *tree.FloatLit {
	return &tree.FloatLit{ExprBase: tree.ExprBase{Type: f32}, Value: x}
}
func blit(b bool) *tree.BoolLit           { return &tree.BoolLit{Value: b} }
func str(s string) *tree.StringLit        { return &tree.StringLit{Value: s} }
func nilLit() *tree.NilLit                { return &tree.NilLit{} }
func lv(x lua.LValue) *tree.LuaValue      { return &tree.LuaValue{Value: x} }
func fref(f *tree.Function) *tree.FuncRef { return &tree.FuncRef{Fn: f} }
func bin(op string, x, y tree.Expr) *tree.Binary {
	return &tree.Binary{Op: op, X: x, Y: y}
}
func un(op string, x tree.Expr) *tree.Unary { return &tree.Unary{Op: op, X: x} }
func call(f tree.Expr, args ...tree.Expr) *tree.Call {
	return &tree.Call{Fn: f, Args: args}
}
func mcall(r tree.Expr, name string, args ...tree.Expr) *tree.MethodCall {
	return &tree.MethodCall{Recv: r, Name: name, Args: args}
}
func sel(x tree.Expr, name string) *tree.Select { return &tree.Select{X: x, Name: name} }
func idx(x, i tree.Expr) *tree.Index            { return &tree.Index{X: x, I: i} }
func paren(x tree.Expr) *tree.Paren             { return &tree.Paren{X: x} }
func tup(xs ...tree.Expr) *tree.Constructor {
	c := &tree.Constructor{}
	for _, x := range xs {
		c.Fields = append(c.Fields, tree.CtorField{Value: x})
	}
	return c
}

// rec builds a named constructor from name, value pairs.
func rec(kv ...any) *tree.Constructor {
	c := &tree.Constructor{}
	for i := 0; i < len(kv); i += 2 {
		c.Fields = append(c.Fields, tree.CtorField{Name: kv[i].(string), Value: kv[i+1].(tree.Expr)})
	}
	return c
}
func let(stmts []tree.Stmt, xs ...tree.Expr) *tree.Let { return &tree.Let{Stmts: stmts, Exprs: xs} }

func blk(ss ...tree.Stmt) *tree.Block { return &tree.Block{Stmts: ss} }
func vardecl(s *tree.Symbol, init tree.Expr) *tree.VarDecl {
	d := &tree.VarDecl{Syms: []*tree.Symbol{s}, Types: []*types.Type{s.Type}}
	if init != nil {
		d.Inits = []tree.Expr{init}
	}
	return d
}
func vars(syms []*tree.Symbol, inits ...tree.Expr) *tree.VarDecl {
	d := &tree.VarDecl{Syms: syms, Inits: inits}
	for _, s := range syms {
		d.Types = append(d.Types, s.Type)
	}
	return d
}
func assign(lhs []tree.Expr, rhs ...tree.Expr) *tree.Assign { return &tree.Assign{Lhs: lhs, Rhs: rhs} }
func set(l, r tree.Expr) *tree.Assign                       { return assign([]tree.Expr{l}, r) }
func ifs(c tree.Expr, then *tree.Block, els *tree.Block) *tree.If {
	return &tree.If{Branches: []tree.IfBranch{{Cond: c, Body: then}}, Else: els}
}
func while(c tree.Expr, body ...tree.Stmt) *tree.While {
	return &tree.While{Cond: c, Body: blk(body...)}
}
func repeat(c tree.Expr, body ...tree.Stmt) *tree.Repeat {
	return &tree.Repeat{Cond: c, Body: blk(body...)}
}
func fornum(s *tree.Symbol, a, b, step tree.Expr, body ...tree.Stmt) *tree.ForNum {
	return &tree.ForNum{Var: s, Start: a, Limit: b, Step: step, Body: blk(body...)}
}
func brk() *tree.Break                      { return &tree.Break{} }
func ret(xs ...tree.Expr) *tree.Return      { return &tree.Return{Exprs: xs} }
func es(x tree.Expr) *tree.ExprStmt         { return &tree.ExprStmt{X: x} }
func gotoL(l *tree.Label) *tree.Goto        { return &tree.Goto{Label: l} }
func label(l *tree.Label) *tree.LabelStmt   { return &tree.LabelStmt{Label: l} }
func deferS(x tree.Expr) *tree.Defer        { return &tree.Defer{Call: x} }
func syms(s ...*tree.Symbol) []*tree.Symbol { return s }
func exprs(x ...tree.Expr) []tree.Expr      { return x }

// terra makes a function with a body; result nil means inferred.
func terra(name string, params []*tree.Symbol, result *types.Type, body ...tree.Stmt) *tree.Function {
	f := tree.NewFunction(name)
	f.Def = &tree.FuncDef{Params: params, Result: result, Body: blk(body...)}
	return f
}

// structT makes a complete-able named struct.
func structT(name string, fields ...any) *types.Type {
	t := types.NewStruct(name)
	for i := 0; i < len(fields); i += 2 {
		t.Entries = append(t.Entries, types.Entry{Field: types.Field{Name: fields[i].(string), Type: fields[i+1].(*types.Type)}})
	}
	t.Defined = true
	return t
}

// ---- layout: print as source, assign spans ----

// suite holds one test program: functions laid out into one file, with
// ERROR annotations attached to nodes.
type suite struct {
	host *fakeHost
	ann  map[tree.Node]string
	file *source.File
}

func newSuite() *suite {
	types.ResetStructNames() // each test's S prints as S, as its expectations say
	return &suite{host: newHost(), ann: map[tree.Node]string{}}
}

// want annotates n: the checker must report an error containing msg
// whose span ends where n's text ends.
func want[N tree.Node](s *suite, n N, msg string) N {
	s.ann[n] = msg
	return n
}

type layout struct {
	s   *suite
	buf bytes.Buffer
	ind int
}

// lay prints the functions as one file "t.t" and sets every span.
func (s *suite) lay(fns ...*tree.Function) *source.File {
	l := &layout{s: s}
	f := &source.File{Name: "t.t"}
	s.file = f
	for _, fn := range fns {
		l.function(fn, f)
	}
	f.Content = l.buf.Bytes()
	return f
}

func (l *layout) span(start int) source.Span {
	return source.Span{File: l.s.file, Start: source.Pos(start), End: source.Pos(l.buf.Len())}
}

func (l *layout) annotate(n tree.Node) {
	if msg, ok := l.s.ann[n]; ok {
		fmt.Fprintf(&l.buf, "--[[ERROR %q]]", msg)
	}
}

func (l *layout) p(format string, args ...any) { fmt.Fprintf(&l.buf, format, args...) }
func (l *layout) nl() {
	l.buf.WriteByte('\n')
	l.buf.WriteString(strings.Repeat("  ", l.ind))
}

func (l *layout) function(fn *tree.Function, f *source.File) {
	start := l.buf.Len()
	l.p("terra %s(", fn.Name)
	for i, p := range fn.Def.Params {
		if i > 0 {
			l.p(", ")
		}
		if p.Type != nil {
			l.p("%s : %s", p.Name, p.Type)
		} else {
			l.p("%s", p.Name)
		}
	}
	l.p(")")
	if fn.Def.Result != nil {
		l.p(" : %s", fn.Def.Result)
	}
	fn.Def.Pos = l.span(start)
	l.blockBody(fn.Def.Body)
	l.p("end\n")
}

func (l *layout) blockBody(b *tree.Block) {
	start := l.buf.Len()
	l.ind++
	for _, s := range b.Stmts {
		l.nl()
		l.stmt(s)
	}
	l.ind--
	l.nl()
	b.Pos = l.span(start)
}

func (l *layout) list(xs []tree.Expr) {
	for i, x := range xs {
		if i > 0 {
			l.p(", ")
		}
		l.expr(x)
	}
}

func (l *layout) stmt(s tree.Stmt) {
	start := l.buf.Len()
	switch s := s.(type) {
	case *tree.Block:
		l.p("do")
		l.blockBody(s)
		l.p("end")
		s.Pos = l.span(start)
	case *tree.VarDecl:
		l.p("var ")
		for i, sy := range s.Syms {
			if i > 0 {
				l.p(", ")
			}
			l.p("%s", sy.Name)
			if i < len(s.Types) && s.Types[i] != nil {
				l.p(" : %s", s.Types[i])
			}
		}
		if len(s.Inits) > 0 {
			l.p(" = ")
			l.list(s.Inits)
		}
		s.Pos = l.span(start)
	case *tree.Assign:
		l.list(s.Lhs)
		l.p(" = ")
		l.list(s.Rhs)
		s.Pos = l.span(start)
	case *tree.If:
		for i, br := range s.Branches {
			if i == 0 {
				l.p("if ")
			} else {
				l.p("elseif ")
			}
			l.expr(br.Cond)
			l.p(" then")
			l.blockBody(br.Body)
		}
		if s.Else != nil {
			l.p("else")
			l.blockBody(s.Else)
		}
		l.p("end")
		s.Pos = l.span(start)
	case *tree.While:
		l.p("while ")
		l.expr(s.Cond)
		l.p(" do")
		l.blockBody(s.Body)
		l.p("end")
		s.Pos = l.span(start)
	case *tree.Repeat:
		l.p("repeat")
		l.blockBody(s.Body)
		l.p("until ")
		l.expr(s.Cond)
		s.Pos = l.span(start)
	case *tree.ForNum:
		l.p("for %s", s.Var.Name)
		if s.Var.Type != nil {
			l.p(" : %s", s.Var.Type)
		}
		l.p(" = ")
		l.expr(s.Start)
		l.p(", ")
		l.expr(s.Limit)
		if s.Step != nil {
			l.p(", ")
			l.expr(s.Step)
		}
		l.p(" do")
		l.blockBody(s.Body)
		l.p("end")
		s.Pos = l.span(start)
	case *tree.Break:
		l.p("break")
		s.Pos = l.span(start)
	case *tree.Return:
		l.p("return")
		if len(s.Exprs) > 0 {
			l.p(" ")
			l.list(s.Exprs)
		}
		s.Pos = l.span(start)
	case *tree.ExprStmt:
		l.expr(s.X)
		s.Pos = l.span(start)
	case *tree.Goto:
		l.p("goto %s", s.Label.Name)
		s.Pos = l.span(start)
	case *tree.LabelStmt:
		l.p("::%s::", s.Label.Name)
		s.Pos = l.span(start)
	case *tree.Defer:
		l.p("defer ")
		l.expr(s.Call)
		s.Pos = l.span(start)
	default:
		panic(fmt.Sprintf("layout: %T", s))
	}
	l.annotate(s)
}

func (l *layout) expr(e tree.Expr) {
	start := l.buf.Len()
	switch e := e.(type) {
	case *tree.Var:
		l.p("%s", e.Sym.Name)
	case *tree.FuncRef:
		l.p("%s", e.Fn.Name)
	case *tree.LuaValue:
		if n, ok := l.s.host.names[e.Value]; ok {
			l.p("%s", n)
		} else {
			l.p("%s", e.Value.String())
		}
	case *tree.IntLit:
		l.p("%d", int64(e.Bits))
		switch e.Type {
		case i64:
			l.p("LL")
		case u32:
			l.p("U")
		case u64:
			l.p("ULL")
		}
	case *tree.FloatLit:
		l.p("%v", e.Value)
		if e.Type == f32 {
			l.p("f")
		} else if e.Value == float64(int64(e.Value)) {
			l.p(".0")
		}
	case *tree.BoolLit:
		l.p("%v", e.Value)
	case *tree.StringLit:
		l.p("%q", e.Value)
	case *tree.NilLit:
		l.p("nil")
	case *tree.Unary:
		if e.Op == "not" {
			l.p("not ")
		} else {
			l.p("%s", e.Op)
		}
		l.sub(e.X)
	case *tree.Binary:
		l.sub(e.X)
		l.p(" %s ", e.Op)
		l.sub(e.Y)
	case *tree.Call:
		if lvv, ok := e.Fn.(*tree.LuaValue); ok && l.s.host.types[lvv.Value] != nil {
			l.p("[")
			l.expr(e.Fn)
			l.p("]")
		} else {
			l.sub(e.Fn)
		}
		l.p("(")
		l.list(e.Args)
		l.p(")")
	case *tree.MethodCall:
		l.sub(e.Recv)
		l.p(":%s(", e.Name)
		l.list(e.Args)
		l.p(")")
	case *tree.Select:
		l.sub(e.X)
		l.p(".%s", e.Name)
	case *tree.Index:
		l.sub(e.X)
		l.p("[")
		l.expr(e.I)
		l.p("]")
	case *tree.Constructor:
		l.p("{")
		for i, f := range e.Fields {
			if i > 0 {
				l.p(", ")
			}
			if f.Name != "" {
				l.p("%s = ", f.Name)
			}
			l.expr(f.Value)
		}
		l.p("}")
	case *tree.Paren:
		l.p("(")
		l.expr(e.X)
		l.p(")")
	case *tree.Let:
		l.p("quote ")
		for _, s := range e.Stmts {
			l.stmt(s)
			l.p(" ")
		}
		l.p("in ")
		l.list(e.Exprs)
		l.p(" end")
	case *tree.Cast:
		l.p("[%s](", e.Type)
		l.expr(e.X)
		l.p(")")
	default:
		panic(fmt.Sprintf("layout: %T", e))
	}
	e.Base().Pos = l.span(start)
	l.annotate(e)
}

// sub prints an operand, in parentheses (not part of its span) when it
// is itself an operator.
func (l *layout) sub(e tree.Expr) {
	switch e.(type) {
	case *tree.Binary, *tree.Unary:
		l.p("(")
		l.expr(e)
		l.p(")")
	default:
		l.expr(e)
	}
}
