// This file implements a pretty printer for specialized trees, used by
// :printpretty() on quotes and functions.
package terralib

import (
	"fmt"
	"strconv"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
)

type pretty struct {
	b      strings.Builder
	indent int
}

func (p *pretty) line(format string, args ...any) {
	p.b.WriteString(strings.Repeat("    ", p.indent))
	fmt.Fprintf(&p.b, format, args...)
	p.b.WriteByte('\n')
}

func (p *pretty) exprs(es []tree.Expr) string {
	s := make([]string, len(es))
	for i, e := range es {
		s[i] = p.expr(e)
	}
	return strings.Join(s, ", ")
}

func symName(s *tree.Symbol) string { return s.Name }

func (p *pretty) expr(e tree.Expr) string {
	switch e := e.(type) {
	case nil:
		return ""
	case *tree.Var:
		return symName(e.Sym)
	case *tree.FuncRef:
		return e.Fn.Name
	case *tree.LuaValue:
		if ud, ok := e.Value.(*lua.LUserData); ok {
			if s, ok := ud.Value.(fmt.Stringer); ok {
				return s.String()
			}
		}
		return "<lua " + e.Value.Type().String() + ">"
	case *tree.IntLit:
		if e.Type != nil && e.Type.IsIntegral() && !e.Type.Signed {
			return strconv.FormatUint(e.Bits, 10)
		}
		return strconv.FormatInt(int64(e.Bits), 10)
	case *tree.FloatLit:
		return strconv.FormatFloat(e.Value, 'g', -1, 64)
	case *tree.BoolLit:
		return strconv.FormatBool(e.Value)
	case *tree.StringLit:
		return strconv.Quote(e.Value)
	case *tree.NilLit:
		return "nil"
	case *tree.Unary:
		if e.Op == "not" {
			return "not " + p.expr(e.X)
		}
		return e.Op + p.expr(e.X)
	case *tree.Binary:
		return "(" + p.expr(e.X) + " " + e.Op + " " + p.expr(e.Y) + ")"
	case *tree.Call:
		return p.expr(e.Fn) + "(" + p.exprs(e.Args) + ")"
	case *tree.MethodCall:
		return p.expr(e.Recv) + ":" + e.Name + "(" + p.exprs(e.Args) + ")"
	case *tree.Select:
		return p.expr(e.X) + "." + e.Name
	case *tree.Index:
		return p.expr(e.X) + "[" + p.expr(e.I) + "]"
	case *tree.Constructor:
		var s []string
		for _, f := range e.Fields {
			if f.Name != "" {
				s = append(s, f.Name+" = "+p.expr(f.Value))
			} else {
				s = append(s, p.expr(f.Value))
			}
		}
		return "{" + strings.Join(s, ", ") + "}"
	case *tree.Cast:
		if e.Type != nil {
			return "[" + e.Type.String() + "](" + p.expr(e.X) + ")"
		}
		return p.expr(e.X)
	case *tree.Let:
		var q pretty
		q.indent = p.indent + 1
		q.stmts(e.Stmts)
		return "let\n" + q.b.String() + strings.Repeat("    ", p.indent) + "in " + p.exprs(e.Exprs) + " end"
	case *tree.Paren:
		return "(" + p.expr(e.X) + ")"
	case *tree.Intrinsic:
		return e.Name + "(" + p.exprs(e.Args) + ")"
	case *tree.Prechecked:
		return p.expr(e.X)
	}
	return fmt.Sprintf("<%T>", e)
}

func (p *pretty) block(b *tree.Block) {
	p.indent++
	if b != nil {
		p.stmts(b.Stmts)
	}
	p.indent--
}

func (p *pretty) stmts(ss []tree.Stmt) {
	for _, s := range ss {
		p.stmt(s)
	}
}

func (p *pretty) stmt(s tree.Stmt) {
	switch s := s.(type) {
	case *tree.Block:
		p.line("do")
		p.block(s)
		p.line("end")
	case *tree.VarDecl:
		names := make([]string, len(s.Syms))
		for i, sym := range s.Syms {
			names[i] = symName(sym)
			if i < len(s.Types) && s.Types[i] != nil {
				names[i] += " : " + s.Types[i].String()
			} else if sym.Type != nil {
				names[i] += " : " + sym.Type.String()
			}
		}
		if len(s.Inits) > 0 {
			p.line("var %s = %s", strings.Join(names, ", "), p.exprs(s.Inits))
		} else {
			p.line("var %s", strings.Join(names, ", "))
		}
	case *tree.Assign:
		p.line("%s = %s", p.exprs(s.Lhs), p.exprs(s.Rhs))
	case *tree.If:
		for i, br := range s.Branches {
			if i == 0 {
				p.line("if %s then", p.expr(br.Cond))
			} else {
				p.line("elseif %s then", p.expr(br.Cond))
			}
			p.block(br.Body)
		}
		if s.Else != nil {
			p.line("else")
			p.block(s.Else)
		}
		p.line("end")
	case *tree.While:
		p.line("while %s do", p.expr(s.Cond))
		p.block(s.Body)
		p.line("end")
	case *tree.Repeat:
		p.line("repeat")
		p.block(s.Body)
		p.line("until %s", p.expr(s.Cond))
	case *tree.ForNum:
		step := ""
		if s.Step != nil {
			step = ", " + p.expr(s.Step)
		}
		p.line("for %s = %s, %s%s do", symName(s.Var), p.expr(s.Start), p.expr(s.Limit), step)
		p.block(s.Body)
		p.line("end")
	case *tree.Break:
		p.line("break")
	case *tree.Return:
		p.line("return %s", p.exprs(s.Exprs))
	case *tree.ExprStmt:
		if l, ok := s.X.(*tree.Let); ok {
			p.stmts(l.Stmts)
			for _, x := range l.Exprs {
				p.line("%s", p.expr(x))
			}
			return
		}
		p.line("%s", p.expr(s.X))
	case *tree.Goto:
		p.line("goto %s", s.Label.Name)
	case *tree.LabelStmt:
		p.line("::%s::", s.Label.Name)
	case *tree.Defer:
		p.line("defer %s", p.expr(s.Call))
	default:
		p.line("<%T>", s)
	}
}

// prettyFunction prints a function definition.
func prettyFunction(fn *tree.Function) string {
	var p pretty
	if fn.Def == nil {
		if fn.Type != nil {
			return fn.Name + " :: " + fn.Type.String() + "\n"
		}
		return fn.Name + " = <extern>\n"
	}
	params := make([]string, len(fn.Def.Params))
	for i, s := range fn.Def.Params {
		t := s.Type
		if t == nil {
			t = s.Checked
		}
		params[i] = symName(s) + " : " + t.String()
	}
	res := ""
	if fn.Type != nil {
		res = " : " + fn.Type.Result.String()
	} else if fn.Def.Result != nil {
		res = " : " + fn.Def.Result.String()
	}
	p.line("%s = terra(%s)%s", fn.Name, strings.Join(params, ", "), res)
	p.block(fn.Def.Body)
	p.line("end")
	return p.b.String()
}

// prettyQuote prints a quote's statements and values.
func prettyQuote(q *tree.Quote) string {
	var p pretty
	p.stmts(q.Stmts)
	if len(q.Exprs) > 0 {
		if len(q.Stmts) > 0 {
			p.line("in")
		}
		p.line("%s", p.exprs(q.Exprs))
	}
	return p.b.String()
}
