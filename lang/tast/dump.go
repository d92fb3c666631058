// This file implements Dump, a compact S-expression printer for tests and
// debugging.
package tast

import (
	"fmt"
	"strings"
)

// Dump prints a node. Local declarations are numbered in order of
// appearance (x#1); identifiers show what they resolve to (x#1 for a local,
// $k for a free-name hole). Holes print as $k:kind(locals).
func Dump(n Node) string {
	d := &dumper{ids: map[*VarDecl]int{}}
	d.node(n)
	return d.b.String()
}

type dumper struct {
	b   strings.Builder
	ids map[*VarDecl]int
}

func (d *dumper) p(format string, args ...any) { fmt.Fprintf(&d.b, format, args...) }

func (d *dumper) decl(v *VarDecl) string {
	id, ok := d.ids[v]
	if !ok {
		id = len(d.ids) + 1
		d.ids[v] = id
	}
	return fmt.Sprintf("%s#%d", v.Name, id)
}

func (d *dumper) hole(h *Hole) {
	if h == nil {
		d.p("_")
		return
	}
	d.p("$%d:%s", h.Index, h.Kind)
	if h.Kind == HoleName {
		d.p("(%s)", h.Name)
		return
	}
	d.p("(")
	for i, l := range h.Locals {
		if i > 0 {
			d.p(",")
		}
		d.p("%s", d.decl(l))
	}
	d.p(")")
}

func (d *dumper) varDecl(v *VarDecl) {
	if v.Symbol != nil {
		d.p("[")
		d.hole(v.Symbol)
		d.p("]")
		d.ids[v] = len(d.ids) + 1
	} else {
		d.p("%s", d.decl(v))
	}
	if v.Type != nil {
		d.p(":")
		d.hole(v.Type)
	}
}

func (d *dumper) list(xs []Expr) {
	for _, x := range xs {
		d.p(" ")
		d.node(x)
	}
}

func (d *dumper) block(b *Block) {
	if b == nil {
		d.p("nil")
		return
	}
	d.p("(block")
	for _, s := range b.Stmts {
		d.p(" ")
		d.node(s)
	}
	d.p(")")
}

func (d *dumper) entries(es []Entry) {
	for _, e := range es {
		d.p(" ")
		switch e := e.(type) {
		case *Field:
			if e.NameHole != nil {
				d.p("(")
				d.hole(e.NameHole)
				d.p(" ")
			} else {
				d.p("(%s ", e.Name)
			}
			d.hole(e.Type)
			d.p(")")
		case *Union:
			d.p("(union")
			d.entries(e.Entries)
			d.p(")")
		}
	}
}

func (d *dumper) node(n Node) {
	switch n := n.(type) {
	case nil:
		d.p("nil")
	case *Group:
		d.p("(group")
		for _, it := range n.Items {
			d.p(" ")
			d.node(it)
		}
		d.p(")")
	case *Func:
		d.p("(func %s", strings.Join(n.Name, "."))
		if n.Local {
			d.p(" local")
		}
		if n.Type != nil {
			d.p(" :: ")
			d.hole(n.Type)
		}
		if n.Body == nil && n.Type != nil {
			d.p(")")
			return
		}
		d.p(" (")
		for i, v := range n.Params {
			if i > 0 {
				d.p(" ")
			}
			d.varDecl(v)
		}
		if n.Vararg {
			d.p(" ...")
		}
		d.p(")")
		if n.Result != nil {
			d.p(" -> ")
			d.hole(n.Result)
		}
		d.p(" ")
		d.block(n.Body)
		d.p(")")
	case *Struct:
		d.p("(struct %s", strings.Join(n.Name, "."))
		if n.Local {
			d.p(" local")
		}
		if n.Metatype != nil {
			d.p(" meta=")
			d.hole(n.Metatype)
		}
		if n.Defined {
			d.p(" {")
			d.entries(n.Entries)
			d.p(" }")
		}
		d.p(")")
	case *Quote:
		if n.Body == nil {
			d.p("(quote ")
			d.node(n.Expr)
			d.p(")")
			return
		}
		d.p("(quote ")
		d.block(n.Body)
		if n.Results != nil {
			d.p(" in")
			d.list(n.Results)
		}
		d.p(")")
	case *Block:
		d.block(n)
	case *VarStmt:
		d.p("(var")
		for _, v := range n.Values {
			d.p(" ")
			d.node(v)
		}
		d.p(" ->")
		for _, v := range n.Vars {
			d.p(" ")
			d.varDecl(v)
		}
		d.p(")")
	case *AssignStmt:
		d.p("(set")
		d.list(n.Lhs)
		d.p(" =")
		d.list(n.Rhs)
		d.p(")")
	case *IfStmt:
		d.p("(if")
		for _, c := range n.Clauses {
			d.p(" ")
			d.node(c.Cond)
			d.p(" ")
			d.block(c.Body)
		}
		if n.Else != nil {
			d.p(" else ")
			d.block(n.Else)
		}
		d.p(")")
	case *WhileStmt:
		d.p("(while ")
		d.node(n.Cond)
		d.p(" ")
		d.block(n.Body)
		d.p(")")
	case *RepeatStmt:
		d.p("(repeat ")
		d.block(n.Body)
		d.p(" ")
		d.node(n.Cond)
		d.p(")")
	case *ForNumStmt:
		d.p("(fornum ")
		d.varDecl(n.Var)
		d.list([]Expr{n.Start, n.Limit})
		if n.Step != nil {
			d.list([]Expr{n.Step})
		}
		d.p(" ")
		d.block(n.Body)
		d.p(")")
	case *ForInStmt:
		d.p("(forin")
		for _, v := range n.Vars {
			d.p(" ")
			d.varDecl(v)
		}
		d.p(" in")
		d.list(n.Iter)
		d.p(" ")
		d.block(n.Body)
		d.p(")")
	case *BreakStmt:
		d.p("(break)")
	case *ReturnStmt:
		d.p("(return")
		d.list(n.Values)
		d.p(")")
	case *DoStmt:
		d.p("(do ")
		d.block(n.Body)
		d.p(")")
	case *LabelStmt:
		d.p("(label ")
		d.label(n.Label)
		d.p(")")
	case *GotoStmt:
		d.p("(goto ")
		d.label(n.Label)
		d.p(")")
	case *DeferStmt:
		d.p("(defer ")
		d.node(n.X)
		d.p(")")
	case *SwitchStmt:
		d.p("(switch ")
		d.node(n.Value)
		for _, c := range n.Cases {
			d.p(" ")
			d.node(c)
		}
		if n.Else != nil {
			d.p(" else ")
			d.block(n.Else)
		}
		d.p(")")
	case *CaseStmt:
		d.p("(case")
		d.list(n.Values)
		d.p(" ")
		d.block(n.Body)
		d.p(")")
	case *ExprStmt:
		d.node(n.X)
	default:
		d.expr(n)
	}
}

func (d *dumper) label(l *Label) {
	if l.Hole != nil {
		d.hole(l.Hole)
	} else {
		d.p("%s", l.Name)
	}
}

func (d *dumper) expr(n Node) {
	switch n := n.(type) {
	case *Ident:
		if n.Decl != nil {
			d.p("%s", d.decl(n.Decl))
		} else {
			d.hole(n.Hole)
		}
	case *Number:
		d.p("%s:%s", n.Raw, n.Value.Kind)
	case *String:
		d.p("%q", n.Value)
	case *Bool:
		d.p("%v", n.Value)
	case *Nil:
		d.p("nil")
	case *Unary:
		d.p("(%s ", n.Op)
		d.node(n.X)
		d.p(")")
	case *Binary:
		d.p("(%s ", n.Op)
		d.node(n.X)
		d.p(" ")
		d.node(n.Y)
		d.p(")")
	case *Call:
		d.p("(call ")
		d.node(n.Fn)
		d.list(n.Args)
		d.p(")")
	case *MethodCall:
		d.p("(method ")
		d.node(n.Recv)
		if n.NameHole != nil {
			d.p(" ")
			d.hole(n.NameHole)
		} else {
			d.p(" %s", n.Name)
		}
		d.list(n.Args)
		d.p(")")
	case *Select:
		d.p("(. ")
		d.node(n.X)
		if n.NameHole != nil {
			d.p(" ")
			d.hole(n.NameHole)
		} else {
			d.p(" %s", n.Name)
		}
		d.p(")")
	case *Index:
		d.p("(index ")
		d.node(n.X)
		d.p(" ")
		d.node(n.Index)
		d.p(")")
	case *Constructor:
		d.p("{")
		for i, f := range n.Fields {
			if i > 0 {
				d.p(" ")
			}
			switch {
			case f.Name != "":
				d.p("%s=", f.Name)
			case f.KeyHole != nil:
				d.p("[")
				d.hole(f.KeyHole)
				d.p("]=")
			}
			d.node(f.Value)
		}
		d.p("}")
	case *Escape:
		d.p("[")
		d.hole(n.Hole)
		d.p("]")
	case *BlockEscape:
		d.p("(escape ")
		d.hole(n.Hole)
		d.p(")")
	case *Paren:
		d.p("(paren ")
		d.node(n.X)
		d.p(")")
	case *Bad:
		d.p("(bad)")
	default:
		d.p("(?%T)", n)
	}
}
