// This file implements constructors `{a, b}` / `{x = a}` and the
// structural casts that turn them (or any tuple) into other structs.
package check

import (
	"terrac/compiler/tree"
	"terrac/compiler/types"
)

// constructor checks `{a, b}` (a tuple) or `{x = a, y = b}` (a fresh
// anonymous struct marked Convertible). A statement-free Let with
// several values in a positional entry expands into several entries.
func (check *Checker) constructor(c *tree.Constructor) tree.Expr {
	named := 0
	var fields []tree.CtorField
	bad := false
	for _, f := range c.Fields {
		v := check.expr(f.Value)
		if f.Name != "" {
			named++
		} else if l, ok := v.(*tree.Let); ok && len(l.Stmts) == 0 && len(l.Exprs) != 1 {
			for _, x := range l.Exprs {
				fields = append(fields, tree.CtorField{Value: x})
			}
			continue
		}
		bad = bad || isErr(v.Base().Type)
		fields = append(fields, tree.CtorField{Name: f.Name, Value: v})
	}
	c.Fields = fields
	c.LValue = false
	switch {
	case named == 0:
		elems := make([]*types.Type, len(fields))
		for i, f := range fields {
			elems[i] = f.Value.Base().Type
		}
		c.Type = types.TupleOf(elems...)
	case named == len(fields):
		t := types.NewStruct("")
		seen := map[string]bool{}
		for _, f := range fields {
			if seen[f.Name] {
				check.errorf(f.Value.Span(), "duplicate field %s in constructor", f.Name)
				bad = true
			}
			seen[f.Name] = true
			t.Entries = append(t.Entries, types.Entry{Field: types.Field{Name: f.Name, Type: f.Value.Base().Type}})
		}
		t.Defined = true
		t.Convertible = true
		c.Type = t
	default:
		check.errorf(c.Pos, "some entries in constructor are named while others are not")
		return invalid(c)
	}
	if bad {
		return invalid(c)
	}
	return c
}

// structCast converts x, whose type is a tuple or a constructor's
// anonymous struct, to the struct t: tuples by position, anonymous
// structs by field name. An implicit cast must give every field; an
// explicit one may give fewer.
//
// The result is a Constructor of type t whose Fields follow t's layout
// order (len(Fields) == number of fields, Fields[i].Name is field i's
// name, Value is nil for a field the cast does not give: its content is
// undefined). A constructor source whose entries are already in target
// order is rewritten in place; any other source is first stored in a
// temporary: Let{var tmp = x; Constructor{tmp.f…}}.
func (check *Checker) structCast(x tree.Expr, t *types.Type, explicit bool) tree.Expr {
	from := x.Base().Type
	fail := func() tree.Expr { return invalid(mkCast(x, t, explicit)) }
	lay, err := t.Layout()
	if err != nil {
		check.completeAt(t, x.Span())
		return fail()
	}
	fromFields := from.Fields()
	to := lay.Fields
	if len(fromFields) > len(to) || (!explicit && len(fromFields) != len(to)) {
		check.errorf(x.Span(), "structural cast invalid, source has %d fields but target has only %d", len(fromFields), len(to))
		return fail()
	}
	idx := make([]int, len(fromFields))
	ok, inOrder := true, true
	for i, f := range fromFields {
		j := i
		if !from.IsTuple {
			j = -1
			for k, g := range to {
				if g.Name == f.Name {
					j = k
					break
				}
			}
			if j < 0 {
				check.errorf(x.Span(), "structural cast invalid, result structure has no key %s", f.Name)
				ok = false
				continue
			}
		}
		idx[i] = j
		if i > 0 && j <= idx[i-1] {
			inOrder = false
		}
	}
	if !ok {
		return fail()
	}
	out := &tree.Constructor{ExprBase: tree.ExprBase{Pos: x.Span(), Type: t}, Fields: make([]tree.CtorField, len(to))}
	for j, g := range to {
		out.Fields[j].Name = g.Name
	}
	if c, isCtor := x.(*tree.Constructor); isCtor && inOrder {
		for i, f := range c.Fields {
			j := idx[i]
			out.Fields[j].Value = check.convert(f.Value, to[j].Type)
		}
		return out
	}
	tmp := check.newTemp("structcast")
	tmp.Checked = from
	decl := &tree.VarDecl{StmtBase: tree.StmtBase{Pos: x.Span()}, Syms: []*tree.Symbol{tmp}, Types: []*types.Type{from}, Inits: []tree.Expr{x}}
	fromLay, err := from.Layout()
	if err != nil {
		check.completeAt(from, x.Span())
		return fail()
	}
	for i, f := range fromLay.Fields {
		j := idx[i]
		sel := fieldOf(tmp, from, f, x)
		out.Fields[j].Value = check.convert(sel, to[j].Type)
	}
	return &tree.Let{ExprBase: tree.ExprBase{Pos: x.Span(), Type: t}, Stmts: []tree.Stmt{decl}, Exprs: []tree.Expr{out}}
}

// fieldOf builds the checked `tmp.f` for a temporary of struct type st.
func fieldOf(tmp *tree.Symbol, st *types.Type, f types.FieldLayout, at tree.Node) tree.Expr {
	v := &tree.Var{ExprBase: tree.ExprBase{Pos: at.Span(), Type: st, LValue: true}, Sym: tmp}
	fl := f
	return &tree.Select{ExprBase: tree.ExprBase{Pos: at.Span(), Type: f.Type, LValue: true}, X: v, Name: f.Name, Field: &fl}
}
