// This file implements exotypes: struct types whose behaviour comes
// from Lua metamethods (__apply, __methodmissing, __entrymissing,
// __setentry, __cast and the operator metamethods), reached through the
// optional ExoHost extension of Host.
package check

import (
	"fmt"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/source"
)

// ExoHost is implemented by hosts whose struct types carry Lua
// metamethods.
type ExoHost interface {
	// Metamethod returns t.metamethods[name] for a struct type, or
	// lua.LNil.
	Metamethod(t *types.Type, name string) lua.LValue
	// ExpandMacroWith expands macro v with the Lua values lead followed
	// by quotes of args; isMacro is false when v is not a macro.
	ExpandMacroWith(v lua.LValue, lead []lua.LValue, args []tree.Expr, at source.Span) (res tree.Expr, isMacro bool, err error)
	// Cast calls a __cast function with (from, to, quote of x) and
	// returns the expression it produced.
	Cast(fn lua.LValue, from, to *types.Type, x tree.Expr, at source.Span) (tree.Expr, error)
}

func (check *Checker) exoHost() ExoHost {
	h, _ := check.Host.(ExoHost)
	return h
}

// metamethod returns the metamethod name of t when t is a struct that
// defines it.
func (check *Checker) metamethod(t *types.Type, name string) (lua.LValue, bool) {
	h := check.exoHost()
	if h == nil || t == nil || !t.IsStruct() || t.IsTuple {
		return nil, false
	}
	v := h.Metamethod(t, name)
	if v == nil || v == lua.LNil {
		return nil, false
	}
	return v, true
}

// wrapChecked marks checked expressions so that a macro can splice them
// without their being checked twice.
func wrapChecked(args []tree.Expr) []tree.Expr {
	out := make([]tree.Expr, len(args))
	for i, a := range args {
		out[i] = &tree.Prechecked{ExprBase: tree.ExprBase{Pos: a.Span(), Type: a.Base().Type, LValue: a.Base().LValue}, X: a}
	}
	return out
}

// invoke applies a metamethod value to already-checked arguments: a
// macro is expanded (lead values first), a Terra function (or an
// overloaded one, or a function pointer) is called with its first
// argument passed by address when it wants a pointer, as a method
// receiver is. ok is false when v is none of these.
func (check *Checker) invoke(v lua.LValue, lead []lua.LValue, args []tree.Expr, at source.Span) (tree.Expr, bool) {
	return check.callValues(at, []lua.LValue{v}, lead, args, castFirst, false)
}

// operatorNames maps Terra operators to their metamethods.
var operatorNames = map[string]string{
	"+": "__add", "-": "__sub", "*": "__mul", "/": "__div", "%": "__mod",
	"<": "__lt", "<=": "__le", ">": "__gt", ">=": "__ge", "==": "__eq", "~=": "__ne",
	"and": "__and", "or": "__or", "^": "__xor", "<<": "__lshift", ">>": "__rshift",
}

// binaryMeta applies the operator metamethods of the struct operands:
// every definition they offer competes (operands may be passed by
// address), and on a tie the left operand's comes first.
func (check *Checker) binaryMeta(b *tree.Binary) (tree.Expr, bool) {
	name, ok := operatorNames[b.Op]
	if !ok {
		return nil, false
	}
	return check.operatorMeta(name, []tree.Expr{b.X, b.Y}, b)
}

// unaryMeta applies __unm / __not of a struct operand.
func (check *Checker) unaryMeta(u *tree.Unary) (tree.Expr, bool) {
	name := map[string]string{"-": "__unm", "not": "__not"}[u.Op]
	return check.operatorMeta(name, []tree.Expr{u.X}, u)
}

// operatorMeta calls metamethod name of the struct operands of e.
func (check *Checker) operatorMeta(name string, ops []tree.Expr, e tree.Expr) (tree.Expr, bool) {
	var vals []lua.LValue
	var owner *types.Type
	for _, o := range ops {
		t := o.Base().Type
		if v, ok := check.metamethod(t, name); ok {
			vals = append(vals, v)
			if owner == nil {
				owner = t
			}
		}
	}
	if len(vals) == 0 {
		return nil, false
	}
	if r, ok := check.callValues(e.Base().Pos, vals, nil, ops, castAll, true); ok {
		return r, true
	}
	check.errorf(e.Base().Pos, "metamethod %s of %s is not a function or macro", name, owner)
	return invalid(e), true
}

// applyMeta calls a struct value (or one a pointer points to) through
// its __apply metamethod, the value being the receiver.
func (check *Checker) applyMeta(c *tree.Call, t *types.Type) (tree.Expr, bool) {
	recv := c.Fn
	if t.IsPointerToStruct() {
		t = t.Elem
		recv = check.deref(recv, nil)
	}
	v, ok := check.metamethod(t, "__apply")
	if !ok {
		return nil, false
	}
	if r, ok := check.invoke(v, nil, append([]tree.Expr{recv}, c.Args...), c.Pos); ok {
		return r, true
	}
	return nil, false
}

// entryMeta expands __entrymissing for `x.name` on a struct value.
func (check *Checker) entryMeta(t *types.Type, name string, x tree.Expr, at source.Span) (tree.Expr, bool) {
	v, ok := check.metamethod(t, "__entrymissing")
	if !ok {
		return nil, false
	}
	return check.invoke(v, []lua.LValue{lua.LString(name)}, []tree.Expr{x}, at)
}

// setEntryMeta handles `x.name = rhs` for a missing field through
// __setentry: it returns the statements replacing the assignment.
func (check *Checker) setEntryMeta(s *tree.Assign) ([]tree.Stmt, bool) {
	if len(s.Lhs) != 1 || len(s.Rhs) != 1 {
		return nil, false
	}
	sel, ok := s.Lhs[0].(*tree.Select)
	if !ok || check.exoHost() == nil {
		return nil, false
	}
	// Type the receiver on a copy: the real one is checked below when
	// there is no __setentry.
	t, err := check.TypeOf(sel.X)
	if err != nil || t == nil {
		return nil, false
	}
	if t.IsPointerToStruct() {
		t = t.Elem
	}
	if !t.IsStruct() {
		return nil, false
	}
	if lay, err := t.Layout(); err != nil || lay == nil {
		return nil, false
	}
	if _, has := t.FieldByName(sel.Name); has {
		return nil, false
	}
	v, ok := check.metamethod(t, "__setentry")
	if !ok {
		return nil, false
	}
	x := check.expr(sel.X)
	if x.Base().Type.IsPointerToStruct() {
		x = check.deref(x, nil)
	}
	rhs := check.expr(s.Rhs[0])
	r, ok := check.invoke(v, []lua.LValue{lua.LString(sel.Name)}, []tree.Expr{x, rhs}, s.Pos)
	if !ok {
		return nil, false
	}
	return check.exprStmt(&tree.ExprStmt{StmtBase: s.StmtBase, X: &tree.Prechecked{ExprBase: *r.Base(), X: r}}), true
}

// castMeta converts x to t through a __cast metamethod of the source or
// the target struct type.
func (check *Checker) castMeta(x tree.Expr, t *types.Type) (tree.Expr, bool) {
	h := check.exoHost()
	if h == nil {
		return nil, false
	}
	from := x.Base().Type
	var errs []source.Note
	for _, st := range []*types.Type{from, t} {
		if st.IsPointerToStruct() {
			st = st.Elem
		}
		v, ok := check.metamethod(st, "__cast")
		if !ok {
			continue
		}
		res, err := h.Cast(v, from, t, &tree.Prechecked{ExprBase: *x.Base(), X: x}, x.Span())
		if err != nil {
			errs = append(errs, castNote(st, err, x.Span())) // castnotes.go
			continue
		}
		r := check.expr(res)
		if rt := r.Base().Type; rt != t && !isErr(rt) {
			r2, ok := check.implicit(r, t)
			if !ok {
				check.errorf(x.Span(), "__cast of %s returned a value of type %s, expected %s", st, rt, t)
				return invalid(x), true
			}
			r = r2
		}
		return r, true
	}
	if check.env != nil {
		check.env.castNotes = errs
	}
	return nil, false
}

// TypeOf typechecks a copy of e where the checker stands (inside the
// function being checked, or alone) and returns its type; e itself is
// not changed. A quote's :gettype() uses it.
func (check *Checker) TypeOf(e tree.Expr) (*types.Type, error) {
	x, err := check.CheckCopy(e)
	if err != nil {
		return nil, err
	}
	if lv, ok := luaObject(x); ok {
		return nil, fmt.Errorf("expression is a lua value of type %s, not a terra value", luaTypeName(lv.Value))
	}
	return x.Base().Type, nil
}

// CheckCopy checks a copy of e and returns the checked copy, or the
// errors it has.
func (check *Checker) CheckCopy(e tree.Expr) (tree.Expr, error) {
	saved := check.env
	if saved == nil {
		check.env = &env{
			fn:        tree.NewFunction("<quote>"),
			labels:    map[*tree.Label]*labelInfo{},
			refSet:    map[*tree.Function]bool{},
			completed: map[*types.Type]bool{},
			scope:     newScope(nil),
		}
		defer func() { check.env = saved }()
	}
	n := len(check.env.diags)
	savedFree := check.env.freeSyms
	check.env.freeSyms = true
	x := check.rawExpr(tree.CopyExpr(e))
	check.env.freeSyms = savedFree
	if len(check.env.diags) > n {
		diags := append(source.List(nil), check.env.diags[n:]...)
		check.env.diags = check.env.diags[:n]
		return nil, &CheckError{Fn: check.env.fn, Diags: diags}
	}
	return x, nil
}
