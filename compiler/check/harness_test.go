// This file implements the test harness: a dump of checked trees and
// the matching of diagnostics against --[[ERROR "…"]] / -- ERROR "…"
// annotations in the source text (the convention the .t golden tests
// will use once the parser exists: feed the parsed file to expectErrors).
package check

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/source"
)

// ---- dump ----

type dumper struct {
	b   strings.Builder
	ind int
}

// dump prints a checked function: its type, then its body with every
// conversion visible. Implicit casts print as cast<T>(x), explicit ones
// as [T](x); inferred variable types are printed.
func dump(fn *tree.Function) string {
	d := &dumper{}
	d.p("%s : %s", fn.Name, fn.Type)
	d.block(fn.Def.Body)
	return strings.TrimSpace(d.b.String())
}

func (d *dumper) p(format string, args ...any) { fmt.Fprintf(&d.b, format, args...) }
func (d *dumper) nl() {
	d.b.WriteByte('\n')
	d.b.WriteString(strings.Repeat("  ", d.ind))
}

func (d *dumper) block(b *tree.Block) {
	d.ind++
	for _, s := range b.Stmts {
		d.nl()
		d.stmt(s)
	}
	d.ind--
}

func (d *dumper) list(xs []tree.Expr) {
	for i, x := range xs {
		if i > 0 {
			d.p(", ")
		}
		d.p("%s", exprString(x))
	}
}

func (d *dumper) stmt(s tree.Stmt) {
	switch s := s.(type) {
	case *tree.Block:
		d.p("do")
		d.block(s)
		d.nl()
		d.p("end")
	case *tree.VarDecl:
		d.p("var ")
		for i, sy := range s.Syms {
			if i > 0 {
				d.p(", ")
			}
			d.p("%s : %s", sy.Name, sy.VarType())
		}
		if len(s.Inits) > 0 {
			d.p(" = ")
			d.list(s.Inits)
		}
	case *tree.Assign:
		d.list(s.Lhs)
		d.p(" = ")
		d.list(s.Rhs)
	case *tree.If:
		for i, br := range s.Branches {
			if i > 0 {
				d.nl()
				d.p("else")
			}
			d.p("if %s then", exprString(br.Cond))
			d.block(br.Body)
		}
		if s.Else != nil {
			d.nl()
			d.p("else")
			d.block(s.Else)
		}
		d.nl()
		d.p("end")
	case *tree.While:
		d.p("while %s do", exprString(s.Cond))
		d.block(s.Body)
		d.nl()
		d.p("end")
	case *tree.Repeat:
		d.p("repeat")
		d.block(s.Body)
		d.nl()
		d.p("until %s", exprString(s.Cond))
	case *tree.ForNum:
		d.p("for %s : %s = %s, %s", s.Var.Name, s.Var.VarType(), exprString(s.Start), exprString(s.Limit))
		if s.Step != nil {
			d.p(", %s", exprString(s.Step))
		}
		d.p(" do")
		d.block(s.Body)
		d.nl()
		d.p("end")
	case *tree.Break:
		d.p("break")
	case *tree.Return:
		d.p("return")
		if len(s.Exprs) > 0 {
			d.p(" ")
			d.list(s.Exprs)
		}
	case *tree.ExprStmt:
		d.p("%s", exprString(s.X))
	case *tree.Goto:
		d.p("goto %s", s.Label.Name)
	case *tree.LabelStmt:
		d.p("::%s::", s.Label.Name)
	case *tree.Defer:
		d.p("defer %s", exprString(s.Call))
	}
}

// exprString prints a checked expression.
func exprString(e tree.Expr) string {
	switch e := e.(type) {
	case *tree.Var:
		return e.Sym.Name
	case *tree.FuncRef:
		return e.Fn.Name
	case *tree.LuaValue:
		return "lua(" + e.Value.String() + ")"
	case *tree.IntLit:
		return fmt.Sprintf("%d", int64(e.Bits))
	case *tree.FloatLit:
		return fmt.Sprintf("%v", e.Value)
	case *tree.BoolLit:
		return fmt.Sprintf("%v", e.Value)
	case *tree.StringLit:
		return fmt.Sprintf("%q", e.Value)
	case *tree.NilLit:
		return "nil"
	case *tree.Unary:
		if e.Op == "not" {
			return "not " + exprString(e.X)
		}
		return e.Op + exprString(e.X)
	case *tree.Binary:
		return "(" + exprString(e.X) + " " + e.Op + " " + exprString(e.Y) + ")"
	case *tree.Call:
		return exprString(e.Fn) + "(" + joinExprs(e.Args) + ")"
	case *tree.MethodCall:
		return exprString(e.Recv) + ":" + e.Name + "(" + joinExprs(e.Args) + ")"
	case *tree.Select:
		return exprString(e.X) + "." + e.Name
	case *tree.Index:
		return exprString(e.X) + "[" + exprString(e.I) + "]"
	case *tree.Constructor:
		var parts []string
		for _, f := range e.Fields {
			v := "<undef>"
			if f.Value != nil {
				v = exprString(f.Value)
			}
			if f.Name != "" {
				v = f.Name + " = " + v
			}
			parts = append(parts, v)
		}
		return fmt.Sprintf("%s{%s}", e.Type, strings.Join(parts, ", "))
	case *tree.Cast:
		if e.Explicit {
			return fmt.Sprintf("[%s](%s)", e.Type, exprString(e.X))
		}
		return fmt.Sprintf("cast<%s>(%s)", e.Type, exprString(e.X))
	case *tree.Let:
		var parts []string
		for _, s := range e.Stmts {
			d := &dumper{}
			d.stmt(s)
			parts = append(parts, d.b.String())
		}
		return "let(" + strings.Join(parts, "; ") + " in " + joinExprs(e.Exprs) + ")"
	case *tree.Paren:
		return "(" + exprString(e.X) + ")"
	case *tree.Intrinsic:
		return e.Name + "(" + joinExprs(e.Args) + ")"
	}
	return fmt.Sprintf("<%T>", e)
}

func joinExprs(xs []tree.Expr) string {
	var s []string
	for _, x := range xs {
		s = append(s, exprString(x))
	}
	return strings.Join(s, ", ")
}

// ---- expectations ----

type expectation struct {
	line int
	end  source.Pos // the offending node's text ends here; NoPos: any column
	msg  string
	text string
}

var errorComment = regexp.MustCompile(`--\[\[ERROR "((?:[^"\\]|\\.)*)"\]\]|-- ERROR "((?:[^"\\]|\\.)*)"`)

// expectations reads the ERROR annotations of a file. `--[[ERROR "s"]]`
// written right after the offending expression or statement pins the
// error's span end; `-- ERROR "s"` at the end of a line pins the line.
func expectations(f *source.File) []expectation {
	var out []expectation
	for _, m := range errorComment.FindAllSubmatchIndex(f.Content, -1) {
		at := source.Pos(m[0])
		e := expectation{line: f.Position(at).Line, end: source.NoPos, text: string(f.Content[m[0]:m[1]])}
		if m[2] >= 0 {
			e.msg = unquote(string(f.Content[m[2]:m[3]]))
			end := m[0]
			for end > 0 && f.Content[end-1] == ' ' {
				end--
			}
			e.end = source.Pos(end)
		} else {
			e.msg = unquote(string(f.Content[m[4]:m[5]]))
		}
		out = append(out, e)
	}
	return out
}

func unquote(s string) string {
	var r string
	if _, err := fmt.Sscanf(`"`+s+`"`, "%q", &r); err != nil {
		return s
	}
	return r
}

// matchErrors checks that every diagnostic is expected and every
// expectation is met.
func matchErrors(t *testing.T, f *source.File, diags source.List) {
	t.Helper()
	wants := expectations(f)
	used := make([]bool, len(wants))
	var unexpected []string
	for _, d := range diags {
		found := false
		for i, w := range wants {
			if used[i] || !strings.Contains(d.Msg, w.msg) || d.Span.File != f {
				continue
			}
			if w.end != source.NoPos && d.Span.End != w.end {
				continue
			}
			if w.end == source.NoPos && d.Span.Position().Line != w.line {
				continue
			}
			used[i], found = true, true
			break
		}
		if !found {
			unexpected = append(unexpected, d.Error())
		}
	}
	for _, u := range unexpected {
		t.Errorf("unexpected error: %s", u)
	}
	for i, w := range wants {
		if !used[i] {
			t.Errorf("t.t:%d: missing error %s", w.line, w.text)
		}
	}
	if t.Failed() {
		t.Logf("source:\n%s", f.Content)
	}
}

// run lays out fns, checks them all (in order) and matches errors
// against the annotations. It returns the checker.
func (s *suite) run(t *testing.T, fns ...*tree.Function) *Checker {
	t.Helper()
	f := s.lay(fns...)
	check := New(s.host)
	var diags source.List
	seen := map[*source.Diagnostic]bool{}
	for _, fn := range fns {
		if err := check.Function(fn); err != nil {
			ce, ok := err.(*CheckError)
			if !ok {
				t.Fatalf("%s: unexpected error type %T: %v", fn.Name, err, err)
			}
			for _, d := range ce.Diags {
				if !seen[d] {
					seen[d] = true
					diags = append(diags, d)
				}
			}
		}
	}
	diags.Sort()
	matchErrors(t, f, diags)
	return check
}

// ok checks fns, expecting no errors, and returns the dump of the first.
func (s *suite) ok(t *testing.T, fns ...*tree.Function) string {
	t.Helper()
	s.run(t, fns...)
	return dump(fns[0])
}

var _ = sort.Strings
var _ = types.Int32
