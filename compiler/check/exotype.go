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
// macro is expanded (lead values first), a Terra function is called.
// ok is false when v is neither.
func (check *Checker) invoke(v lua.LValue, lead []lua.LValue, args []tree.Expr, at source.Span) (tree.Expr, bool) {
	call := &tree.Call{ExprBase: tree.ExprBase{Pos: at}}
	if h := check.exoHost(); h != nil {
		res, isMacro, err := h.ExpandMacroWith(v, lead, wrapChecked(args), at)
		if isMacro {
			if err != nil {
				check.hostError(at, err)
				return invalid(call), true
			}
			return check.expansion(at, res), true
		}
	}
	if defs, ok := check.overloads(v); ok {
		return check.overloadedCall(at, defs, func(*types.Type) []tree.Expr { return args }), true
	}
	if fn := check.Host.AsFunction(v); fn != nil {
		ref := &tree.FuncRef{ExprBase: tree.ExprBase{Pos: at}, Fn: fn}
		ft := check.useFunction(fn, at)
		ref.Type = ft
		if isErr(ft) {
			return invalid(call), true
		}
		call.Fn = ref
		call.Args = args
		if len(args) > 0 && len(ft.Params) > 0 && ft.Params[0].IsPointer() {
			// A receiver-like first operand (__apply's self) passes
			// its address when the function wants a pointer.
			if at := args[0].Base().Type; at.IsStruct() && ft.Params[0].Elem == at && args[0].Base().LValue {
				call.Args = append([]tree.Expr{check.addressOf(args[0])}, args[1:]...)
			}
		}
		if !check.arguments(at, ft, call.Args) {
			return invalid(call), true
		}
		call.Type = ft.Result
		return call, true
	}
	return nil, false
}

// operatorNames maps Terra operators to their metamethods.
var operatorNames = map[string]string{
	"+": "__add", "-": "__sub", "*": "__mul", "/": "__div", "%": "__mod",
	"<": "__lt", "<=": "__le", ">": "__gt", ">=": "__ge", "==": "__eq", "~=": "__ne",
	"and": "__and", "or": "__or", "^": "__xor", "<<": "__lshift", ">>": "__rshift",
}

// binaryMeta applies an operator metamethod of a struct operand (the
// left one's first).
func (check *Checker) binaryMeta(b *tree.Binary) (tree.Expr, bool) {
	name, ok := operatorNames[b.Op]
	if !ok {
		return nil, false
	}
	for _, t := range []*types.Type{b.X.Base().Type, b.Y.Base().Type} {
		if v, ok := check.metamethod(t, name); ok {
			if r, ok := check.invoke(v, nil, []tree.Expr{b.X, b.Y}, b.Pos); ok {
				return r, true
			}
			check.errorf(b.Pos, "metamethod %s of %s is not a function or macro", name, t)
			return invalid(b), true
		}
	}
	return nil, false
}

// unaryMeta applies __unm / __not of a struct operand.
func (check *Checker) unaryMeta(u *tree.Unary) (tree.Expr, bool) {
	name := map[string]string{"-": "__unm", "not": "__not"}[u.Op]
	t := u.X.Base().Type
	v, ok := check.metamethod(t, name)
	if !ok {
		return nil, false
	}
	if r, ok := check.invoke(v, nil, []tree.Expr{u.X}, u.Pos); ok {
		return r, true
	}
	check.errorf(u.Pos, "metamethod %s of %s is not a function or macro", name, t)
	return invalid(u), true
}

// applyMeta calls a struct value through its __apply metamethod.
func (check *Checker) applyMeta(c *tree.Call, t *types.Type) (tree.Expr, bool) {
	v, ok := check.metamethod(t, "__apply")
	if !ok {
		return nil, false
	}
	if r, ok := check.invoke(v, nil, append([]tree.Expr{c.Fn}, c.Args...), c.Pos); ok {
		return r, true
	}
	return nil, false
}

// methodMeta expands a macro method or __methodmissing for
// `recv:name(args)`.
func (check *Checker) methodMeta(st *types.Type, name string, recv tree.Expr, args []tree.Expr, at source.Span) (tree.Expr, bool) {
	m, ok := check.lookupMethod(st, name, at)
	if !ok {
		return invalid(&tree.Call{ExprBase: tree.ExprBase{Pos: at}}), true
	}
	if m != nil && m != lua.LNil {
		if check.Host.AsFunction(m) != nil {
			return nil, false
		}
		if h := check.exoHost(); h != nil {
			res, isMacro, err := h.ExpandMacroWith(m, nil, wrapChecked(append([]tree.Expr{recv}, args...)), at)
			if isMacro {
				if err != nil {
					check.hostError(at, err)
					return invalid(&tree.Call{ExprBase: tree.ExprBase{Pos: at}}), true
				}
				return check.expansion(at, res), true
			}
		}
		return nil, false
	}
	v, ok := check.metamethod(st, "__methodmissing")
	if !ok {
		return nil, false
	}
	return check.invoke(v, []lua.LValue{lua.LString(name)}, append([]tree.Expr{recv}, args...), at)
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
