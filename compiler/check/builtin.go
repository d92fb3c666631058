// This file implements the builtin value constructors and operations:
// array/vector literals, terralib.select and unpackstruct/unpacktuple.
package check

import (
	"fmt"

	"terrac/compiler/tree"
	"terrac/compiler/types"
)

// builtinExpr checks the nodes of tree/builtin.go.
func (check *Checker) builtinExpr(e tree.Expr) tree.Expr {
	switch e := e.(type) {
	case *tree.ArrayLit:
		return check.arrayLit(e)
	case *tree.CondSelect:
		return check.condSelect(e)
	case *tree.Unpack:
		return check.unpack(e)
	}
	panic(fmt.Sprintf("check: unexpected expression node %T", e))
}

// arrayLit checks array(…)/arrayof(T, …)/vector(…)/vectorof(T, …): the
// element type is T or the meet of the elements; vectors hold
// primitive elements only.
func (check *Checker) arrayLit(a *tree.ArrayLit) tree.Expr {
	elems := check.exprList(a.Elems)
	a.Elems = elems
	et := a.Elem
	if et == nil {
		if len(elems) == 0 {
			check.errorf(a.Pos, "expected at least one element in an array or vector literal")
			return invalid(a)
		}
		et = elems[0].Base().Type
		for _, x := range elems[1:] {
			et = check.meet(x.Span(), et, x.Base().Type)
		}
	}
	if isErr(et) {
		return invalid(a)
	}
	if a.Vector && !et.IsPrimitive() {
		check.errorf(a.Pos, "vectors must be composed of primitive types (for now...) but found type %s", et)
		return invalid(a)
	}
	if a.Vector && len(elems) == 0 {
		check.errorf(a.Pos, "vectors must have at least one element but found 0")
		return invalid(a)
	}
	for i, x := range elems {
		elems[i] = check.convert(x, et)
	}
	a.Elem = et
	if a.Vector {
		a.Type = types.VectorOf(et, len(elems))
	} else {
		a.Type = types.ArrayOf(et, len(elems))
	}
	return a
}

// condSelect checks terralib.select(c, a, b): c is bool or a vector of
// bool; a and b meet; a vector condition needs vector operands of its
// length (scalars broadcast).
func (check *Checker) condSelect(s *tree.CondSelect) tree.Expr {
	c, x, y := check.expr(s.C), check.expr(s.A), check.expr(s.B)
	s.C = c
	ct := c.Base().Type
	if anyErr(ct, x.Base().Type, y.Base().Type) {
		return invalid(s)
	}
	if r, ok := check.selectMeta(s, []tree.Expr{c, x, y}); ok {
		return r
	}
	if !isBoolish(ct) {
		check.errorf(c.Span(), "expected a boolean or vector of booleans but found %s", ct)
		return invalid(s)
	}
	t, x, y := check.match(s.Pos, x, y)
	if isErr(t) {
		return invalid(s)
	}
	if ct.IsVector() {
		if t.IsPrimitive() {
			t = types.VectorOf(t, ct.N)
			x, y = check.convert(x, t), check.convert(y, t)
		}
		if !t.IsVector() || t.N != ct.N {
			check.errorf(s.Pos, "expected vectors of %d elements but found %s", ct.N, t)
			return invalid(s)
		}
	}
	s.A, s.B, s.Type = x, y, t
	return s
}

func isBoolish(t *types.Type) bool {
	return t == types.Boolean || t.IsVector() && t.Elem == types.Boolean
}

// unpack expands unpackstruct(x, from, to) into a list of field
// selections of x (x is evaluated once per field, as in Terra, whose
// macro splices x for each field). unpacktuple leaves non-tuples as
// they are.
func (check *Checker) unpack(u *tree.Unpack) tree.Expr {
	orig := tree.CopyExpr(u.X)
	x := check.expr(u.X)
	t := x.Base().Type
	if isErr(t) {
		return invalid(u)
	}
	if t.IsPointerToStruct() {
		t = t.Elem
	}
	if !t.IsStruct() || u.Tuple && !t.IsTuple {
		return x
	}
	fields, err := t.Layout()
	if err != nil {
		check.completeAt(t, u.Pos)
		return invalid(u)
	}
	from, to := 1, len(fields.Fields)
	if u.From > 0 {
		from = u.From
	}
	if u.To > 0 && u.To < to {
		to = u.To
	}
	l := &tree.Let{ExprBase: tree.ExprBase{Pos: u.Pos}}
	for i := from; i <= to; i++ {
		f := fields.Fields[i-1]
		l.Exprs = append(l.Exprs, &tree.Select{ExprBase: tree.ExprBase{Pos: u.Pos}, X: tree.CopyExpr(orig), Name: f.Name})
	}
	return check.let(l)
}
