// This file implements the pretty printer behind :printpretty(),
// :prettystring() and tostring() of Terra functions and quotes. The
// output follows Terra's layout: every line starts with a 24-column
// margin that names file:line where the position changes, bodies are
// indented by four, symbols that share a name in one scope are told
// apart as name$1, …, and parentheses come from operator precedence.
// With line breaking on (printpretty's default), an expression that
// comes from another line than the code around it starts a new line,
// aligned where it would have continued.
package terralib

import (
	"fmt"
	"strconv"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/source"
)

// marginWidth is the width of the file:line column.
const marginWidth = 24

type anchor struct {
	file string
	line int
}

type pretty struct {
	b          strings.Builder
	breaklines bool
	lineLen    int   // characters since the margin of the current line
	indents    []int // indentation of each open block
	last       anchor
	scopes     []map[any]string // symbol -> printed name; name -> itself when taken
}

func newPretty(breaklines bool) *pretty {
	return &pretty{breaklines: breaklines, indents: []int{0}, last: anchor{line: -1}, scopes: []map[any]string{{}}}
}

func (p *pretty) emit(format string, args ...any) {
	s := format
	if len(args) > 0 {
		s = fmt.Sprintf(format, args...)
	}
	p.lineLen += len(s)
	p.b.WriteString(s)
}

func anchorOf(s source.Span) (anchor, bool) {
	if s.File == nil {
		return anchor{}, false
	}
	return anchor{s.File.Name, s.Position().Line}, true
}

// begin starts a line for the node at span: the margin (the position
// when it differs from the previous line's), the indentation, then text.
func (p *pretty) begin(span source.Span, format string, args ...any) {
	a, ok := anchorOf(span)
	margin := ""
	if ok && a != p.last {
		margin = a.file + ":" + strconv.Itoa(a.line) + ": "
	}
	if len(margin) > marginWidth {
		margin = margin[len(margin)-marginWidth:]
	} else {
		margin += strings.Repeat(" ", marginWidth-len(margin))
	}
	p.emit("%s", margin)
	p.lineLen = 0
	p.emit("%s", strings.Repeat(" ", p.indents[len(p.indents)-1]))
	p.emit(format, args...)
	if ok {
		p.last = a
	}
}

func (p *pretty) enterBlock() {
	p.indents = append(p.indents, p.indents[len(p.indents)-1]+4)
	p.scopes = append(p.scopes, map[any]string{})
}

func (p *pretty) leaveBlock() {
	p.indents = p.indents[:len(p.indents)-1]
	p.scopes = p.scopes[:len(p.scopes)-1]
}

func (p *pretty) lookup(k any) (string, bool) {
	for i := len(p.scopes) - 1; i >= 0; i-- {
		if v, ok := p.scopes[i][k]; ok {
			return v, true
		}
	}
	return "", false
}

// ident prints a variable: its name, or name$N when another variable of
// the scope already printed as name.
func (p *pretty) ident(name string, key any) {
	if n, ok := p.lookup(key); ok {
		p.emit("%s", n)
		return
	}
	n := name
	for i := 1; ; i++ {
		if _, taken := p.lookup(n); !taken {
			break
		}
		n = name + "$" + strconv.Itoa(i)
	}
	cur := p.scopes[len(p.scopes)-1]
	cur[n], cur[key] = n, n
	p.emit("%s", n)
}

func (p *pretty) param(s *tree.Symbol, t *types.Type) {
	p.ident(s.Name, s)
	if t != nil {
		p.emit(" : %s", t)
	}
}

func (p *pretty) list(es []tree.Expr) {
	for i, e := range es {
		if i > 0 {
			p.emit(", ")
		}
		p.expr(e)
	}
}

func (p *pretty) block(b *tree.Block) {
	p.enterBlock()
	if b != nil {
		p.stmtList(b.Stmts)
	}
	p.leaveBlock()
}

// stmtList prints statements; a block nested in the list is a do … end.
func (p *pretty) stmtList(ss []tree.Stmt) {
	for _, s := range ss {
		if b, ok := s.(*tree.Block); ok {
			p.begin(b.Pos, "do\n")
			p.block(b)
			p.begin(b.Pos, "end\n")
			continue
		}
		p.stmt(s)
	}
}

func (p *pretty) stmt(s tree.Stmt) {
	switch s := s.(type) {
	case *tree.Block:
		p.block(s)
	case *tree.Return:
		p.begin(s.Pos, "return ")
		p.list(s.Exprs)
		p.emit("\n")
	case *tree.LabelStmt:
		p.begin(s.Pos, "::%s::\n", s.Label.Name)
	case *tree.Goto:
		p.begin(s.Pos, "goto %s\n", s.Label.Name)
	case *tree.Break:
		p.begin(s.Pos, "break\n")
	case *tree.While:
		p.begin(s.Pos, "while ")
		p.expr(s.Cond)
		p.emit(" do\n")
		p.block(s.Body)
		p.begin(s.Pos, "end\n")
	case *tree.Repeat:
		p.begin(s.Pos, "repeat\n")
		p.enterBlock()
		if s.Body != nil {
			p.stmtList(s.Body.Stmts)
		}
		p.leaveBlock()
		p.begin(s.Cond.Span(), "until ")
		p.expr(s.Cond)
		p.emit("\n")
	case *tree.ForNum:
		p.begin(s.Pos, "for ")
		p.param(s.Var, s.Var.VarType())
		p.emit(" = ")
		p.expr(s.Start)
		p.emit(",")
		p.expr(s.Limit)
		if s.Step != nil {
			p.emit(",")
			p.expr(s.Step)
		}
		p.emit(" do\n")
		p.block(s.Body)
		p.begin(s.Pos, "end\n")
	case *tree.ForIn:
		p.begin(s.Pos, "for ")
		for i, v := range s.Vars {
			if i > 0 {
				p.emit(", ")
			}
			p.param(v, v.VarType())
		}
		p.emit(" in ")
		p.expr(s.Iter)
		p.emit(" do\n")
		p.block(s.Body)
		p.begin(s.Pos, "end\n")
	case *tree.If:
		for i, br := range s.Branches {
			kw := "if "
			if i > 0 {
				kw = "elseif "
			}
			p.begin(br.Cond.Span(), "%s", kw)
			p.expr(br.Cond)
			p.emit(" then\n")
			p.block(br.Body)
		}
		if s.Else != nil {
			p.begin(s.Else.Pos, "else\n")
			p.block(s.Else)
		}
		p.begin(s.Pos, "end\n")
	case *tree.Switch:
		p.begin(s.Pos, "switch ")
		p.expr(s.Value)
		p.emit(" do\n")
		for _, c := range s.Cases {
			p.begin(c.Pos, "case ")
			p.list(c.Values)
			p.emit(" then\n")
			p.block(c.Body)
		}
		if s.Else != nil {
			p.begin(s.Else.Pos, "else \n")
			p.block(s.Else)
		}
		p.begin(s.Pos, "end\n")
	case *tree.Case:
		p.begin(s.Pos, "case ")
		p.list(s.Values)
		p.emit(" then\n")
		p.block(s.Body)
	case *tree.VarDecl:
		p.begin(s.Pos, "var ")
		for i, sym := range s.Syms {
			if i > 0 {
				p.emit(", ")
			}
			t := sym.VarType()
			if i < len(s.Types) && s.Types[i] != nil {
				t = s.Types[i]
			}
			p.param(sym, t)
		}
		if len(s.Inits) > 0 {
			p.emit(" = ")
			p.list(s.Inits)
		}
		p.emit("\n")
	case *tree.Assign:
		p.begin(s.Pos, "")
		p.list(s.Lhs)
		p.emit(" = ")
		p.list(s.Rhs)
		p.emit("\n")
	case *tree.Defer:
		p.begin(s.Pos, "defer ")
		p.expr(s.Call)
		p.emit("\n")
	case *tree.ExprStmt:
		if l, ok := s.X.(*tree.Let); ok && len(l.Exprs) == 0 {
			p.stmtList(l.Stmts) // a spliced statement quote
			return
		}
		p.begin(s.Pos, "")
		p.expr(s.X)
		p.emit("\n")
	default:
		p.begin(s.Span(), "<%T>\n", s)
	}
}

// precedences of operators, for parenthesizing; 12 binds tightest.
var prettyPrec = map[string]int{
	"+": 7, "-": 7, "*": 8, "/": 8, "%": 8, "^": 11, "..": 6, "<<": 4, ">>": 4,
	"==": 3, "<": 3, "<=": 3, "~=": 3, ">": 3, ">=": 3, "and": 2, "or": 1,
	"@": 9, "&": 9, "not": 9,
}

func unparen(e tree.Expr) tree.Expr {
	for {
		switch x := e.(type) {
		case *tree.Paren:
			e = x.X
		case *tree.Prechecked:
			e = x.X
		default:
			return e
		}
	}
}

func precOf(e tree.Expr) int {
	switch e := unparen(e).(type) {
	case *tree.Unary:
		return 9
	case *tree.Binary:
		if p, ok := prettyPrec[e.Op]; ok {
			return p
		}
	}
	return 12
}

// operand prints e inside ref, in parentheses when e binds more loosely
// (or as loosely, on the right).
func (p *pretty) operand(ref, e tree.Expr, rhs bool) {
	pr, pe := precOf(ref), precOf(e)
	if pr > pe || (rhs && pr == pe) {
		p.emit("(")
		p.expr(e)
		p.emit(")")
		return
	}
	p.expr(e)
}

func (p *pretty) expr(e tree.Expr) {
	e = unparen(e)
	if e == nil {
		return
	}
	if a, ok := anchorOf(e.Span()); ok && p.breaklines && a != p.last {
		col := p.lineLen
		p.emit("\n")
		p.begin(e.Span(), "")
		if col > p.lineLen {
			p.emit("%s", strings.Repeat(" ", col-p.lineLen))
		}
	}
	switch e := e.(type) {
	case *tree.Var:
		p.ident(e.Sym.Name, e.Sym)
	case *tree.GlobalRef:
		p.ident(e.G.Name, e.G)
	case *tree.FuncRef:
		p.emit("%s", e.Fn.Name)
	case *tree.LuaValue:
		p.luaValue(e.Value)
	case *tree.IntLit:
		if e.Type != nil && e.Type.IsIntegral() && !e.Type.Signed {
			p.emit("%s", strconv.FormatUint(e.Bits, 10))
		} else {
			p.emit("%s", strconv.FormatInt(int64(e.Bits), 10))
		}
	case *tree.FloatLit:
		p.emit("%s", lua.LNumber(e.Value).String())
	case *tree.BoolLit:
		p.emit("%s", strconv.FormatBool(e.Value))
	case *tree.StringLit:
		p.emit("%s", luaQuote(e.Value))
	case *tree.NilLit:
		p.emit("nil")
	case *tree.Unary:
		if e.Op == "not" {
			p.emit("not ")
		} else {
			p.emit("%s", e.Op)
		}
		p.operand(e, e.X, false)
	case *tree.Binary:
		p.operand(e, e.X, false)
		p.emit(" %s ", e.Op)
		p.operand(e, e.Y, true)
	case *tree.Index:
		p.operand(e, e.X, false)
		p.emit("[")
		p.expr(e.I)
		p.emit("]")
	case *tree.Cast:
		p.emit("[%s](", e.Type)
		p.expr(e.X)
		p.emit(")")
	case *tree.Call:
		p.operand(e, e.Fn, false)
		p.emit("(")
		p.list(e.Args)
		p.emit(")")
	case *tree.MethodCall:
		p.operand(e, e.Recv, false)
		p.emit(":%s(", e.Name)
		p.list(e.Args)
		p.emit(")")
	case *tree.Select:
		p.operand(e, e.X, false)
		p.emit(".%s", e.Name)
	case *tree.ArrayLit:
		if e.Vector {
			p.emit("vector(")
		} else {
			p.emit("array(")
		}
		p.list(e.Elems)
		p.emit(")")
	case *tree.CondSelect:
		p.emit("terralib.select(")
		p.list([]tree.Expr{e.C, e.A, e.B})
		p.emit(")")
	case *tree.Constructor:
		p.constructor(e)
	case *tree.Let:
		p.let(e)
	case *tree.Intrinsic:
		p.emit("%s(", e.Name)
		p.list(e.Args)
		p.emit(")")
	case *tree.Unpack:
		if e.Tuple {
			p.emit("unpacktuple(")
		} else {
			p.emit("unpackstruct(")
		}
		p.expr(e.X)
		p.emit(")")
	case *tree.LowLevel:
		p.lowLevel(e)
	case *tree.Temp:
		p.expr(e.X) // materialized in a temporary
	case *tree.FullExpr:
		p.expr(e.X) // its temporaries are destroyed after it
	case *tree.Directive:
		p.emit("__%s__(", e.Op)
		p.expr(e.X)
		p.emit(")")
	default:
		p.emit("<%T>", e)
	}
}

func (p *pretty) luaValue(v lua.LValue) {
	if ud, ok := v.(*lua.LUserData); ok {
		switch x := ud.Value.(type) {
		case *types.Type:
			p.emit("[%s]", x)
			return
		case *Macro:
			p.emit("<macro>")
			return
		case fmt.Stringer:
			p.emit("%s", x.String())
			return
		}
	}
	p.emit("<lua value: %s>", v.String())
}

// constructor prints an untyped constructor as written; a checked one as
// Terra's typed form, the field names then the values.
func (p *pretty) constructor(e *tree.Constructor) {
	if e.Type != nil && e.Type.Kind == types.Struct {
		fields := e.Type.Fields()
		if len(fields) == len(e.Fields) {
			for i, f := range fields {
				if i > 0 {
					p.emit(", ")
				}
				p.emit("%s", f.Name)
			}
			p.emit(" = ")
			for i, f := range e.Fields {
				if i > 0 {
					p.emit(", ")
				}
				p.expr(f.Value)
			}
			return
		}
	}
	p.emit("{")
	for i, f := range e.Fields {
		if i > 0 {
			p.emit(", ")
		}
		if f.Name != "" {
			p.emit("%s = ", f.Name)
		}
		p.expr(f.Value)
	}
	p.emit("}")
}

// let prints statements with results: let <statements> in <values> end,
// the block aligned where it starts.
func (p *pretty) let(e *tree.Let) {
	if len(e.Stmts) == 0 {
		p.list(e.Exprs)
		return
	}
	p.indents = append(p.indents, p.lineLen)
	p.emit("let\n")
	p.enterBlock()
	p.stmtList(e.Stmts)
	p.leaveBlock()
	p.begin(e.Pos, "in\n")
	p.enterBlock()
	p.begin(e.Pos, "")
	p.list(e.Exprs)
	p.leaveBlock()
	p.emit("\n")
	p.begin(e.Pos, "end")
	p.indents = p.indents[:len(p.indents)-1]
}

func (p *pretty) lowLevel(e *tree.LowLevel) {
	align := "native"
	if e.Align != 0 {
		align = strconv.FormatInt(e.Align, 10)
	}
	switch e.Op {
	case "debuginfo":
		p.emit("debuginfo(%s,%d)", luaQuote(e.Asm), e.Align)
	case "attrload":
		p.emit("attrload(")
		p.expr(e.Args[0])
		p.emit(", { nontemporal = %t, align = %s, isvolatile = %t })", e.Nontemporal, align, e.Volatile)
	case "attrstore":
		p.emit("attrstore(")
		p.list(e.Args)
		p.emit(", { nontemporal = %t, align = %s, isvolatile = %t })", e.Nontemporal, align, e.Volatile)
	case "fence":
		p.emit("fence({ syncscope = %q, ordering = %q })", e.SyncScope, e.Ordering)
	case "atomicrmw":
		p.emit("atomicrmw(%q, ", e.RMW)
		p.list(e.Args)
		p.emit(", { syncscope = %q, ordering = %q, align = %s, isvolatile = %t })", e.SyncScope, e.Ordering, align, e.Volatile)
	case "cmpxchg":
		p.emit("cmpxchg(")
		p.list(e.Args)
		p.emit(", { syncscope = %q, success_ordering = %q, failure_ordering = %q, align = %s, isvolatile = %t, isweak = %t })",
			e.SyncScope, e.Ordering, e.FailureOrdering, align, e.Volatile, e.Weak)
	case "asm":
		p.emit("inlineasm(%s,%s,%t,%s,", e.Type, e.Asm, e.Volatile, e.Constraints)
		p.list(e.Args)
		p.emit(")")
	default:
		p.emit("%s(", e.Op)
		p.list(e.Args)
		p.emit(")")
	}
}

// luaQuote writes s as Lua's %q does, with newlines as \n.
func luaQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case 0:
			b.WriteString(`\000`)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// prettyFunction prints a function: its definition with parameter and
// result types, or its name and type when it has no body.
func prettyFunction(fn *tree.Function, breaklines bool) string {
	if fn.Def == nil {
		if fn.Extern && fn.Type != nil {
			return fmt.Sprintf("%sterra %s :: %s = <extern>\n", strings.Repeat(" ", marginWidth), fn.Name, fn.Type)
		}
		return fmt.Sprintf("terra %s :: %s\n", fn.Name, fn.Type)
	}
	p := newPretty(breaklines)
	p.begin(fn.Def.Pos, "terra %s(", fn.Name)
	for i, s := range fn.Def.Params {
		if i > 0 {
			p.emit(",")
		}
		p.param(s, s.VarType())
	}
	p.emit(") ")
	if fn.Type != nil {
		p.emit(": %s", fn.Type.Result)
	} else if fn.Def.Result != nil {
		p.emit(": %s", fn.Def.Result)
	}
	p.emit("\n")
	p.block(fn.Def.Body)
	p.begin(fn.Def.Pos, "end\n")
	return p.b.String()
}

// prettyQuote prints a quote: its values, or its statements as the
// let … in … end they form.
func prettyQuote(q *tree.Quote, breaklines bool) string {
	p := newPretty(breaklines)
	if len(q.Stmts) == 0 {
		if len(q.Exprs) > 0 {
			p.expr(&tree.Let{ExprBase: tree.ExprBase{Pos: q.Exprs[0].Span()}, Exprs: q.Exprs})
		}
	} else {
		pos := q.Stmts[0].Span()
		p.expr(&tree.Let{ExprBase: tree.ExprBase{Pos: pos}, Stmts: q.Stmts, Exprs: q.Exprs})
	}
	p.emit("\n")
	return p.b.String()
}

// prettyExpr prints one expression on one line.
func prettyExpr(e tree.Expr) string {
	p := newPretty(false)
	p.expr(e)
	return p.b.String()
}
