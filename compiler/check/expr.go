// This file implements the expression dispatcher, value contexts and
// expression lists.
package check

import (
	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/source"
)

// rawExpr checks e and returns the checked expression, which may be a
// different node. The result is a "Lua object" (an unconverted
// *tree.LuaValue with a nil Type: a type, a table, a macro) when e
// denotes one; callers that need a value use expr. A FuncRef keeps its
// function type here.
func (check *Checker) rawExpr(e tree.Expr) tree.Expr {
	var r tree.Expr
	switch e := e.(type) {
	case *tree.LuaValue:
		r = check.luaValue(e)
	case *tree.Var:
		r = check.variable(e)
	case *tree.FuncRef:
		e.Type = check.useFunction(e.Fn, e.Pos)
		r = e
	case *tree.IntLit, *tree.FloatLit, *tree.BoolLit, *tree.StringLit, *tree.NilLit:
		r = check.literal(e)
	case *tree.Unary:
		r = check.unary(e)
	case *tree.Binary:
		r = check.binary(e)
	case *tree.Call:
		r = check.call(e)
	case *tree.MethodCall:
		r = check.methodCall(e)
	case *tree.Select:
		r = check.selector(e)
	case *tree.Index:
		r = check.index(e)
	case *tree.Constructor:
		r = check.constructor(e)
	case *tree.Cast:
		r = check.castNode(e)
	case *tree.Let:
		r = check.let(e)
	case *tree.Paren:
		r = check.paren(e)
	case *tree.Intrinsic:
		r = check.intrinsic(e)
	case *tree.Prechecked:
		return e.X
	case *tree.GlobalRef:
		r = check.globalRef(e)
	case *tree.LowLevel:
		r = check.lowLevel(e)
	case *tree.Directive:
		r = check.directive(e)
	case *tree.Temp, *tree.FullExpr:
		return e // made by the checker: already checked
	default:
		r = check.builtinExpr(e)
	}
	if t := r.Base().Type; t != nil {
		check.completeAt(t, r.Span())
	}
	return r
}

// expr checks e where a Terra value is required: a Lua object is an
// error and a function reference becomes a pointer to the function.
func (check *Checker) expr(e tree.Expr) tree.Expr {
	return check.value(check.rawExpr(e))
}

// value turns a checked rawExpr result into a value.
func (check *Checker) value(x tree.Expr) tree.Expr {
	if lv, ok := luaObject(x); ok {
		check.notAValue(lv)
		return invalid(lv)
	}
	t := x.Base().Type
	if t == nil {
		return invalid(x)
	}
	if t.Kind == types.Func {
		return &tree.Cast{ExprBase: tree.ExprBase{Pos: x.Span(), Type: types.PointerTo(t)}, X: x}
	}
	return x
}

// luaObject reports whether a checked expression is a Lua object.
func luaObject(x tree.Expr) (*tree.LuaValue, bool) {
	lv, ok := x.(*tree.LuaValue)
	if ok && lv.Type == nil {
		return lv, true
	}
	return nil, false
}

// exprList checks a list of values in which a statement-free Let with
// several values (a spliced Lua list) expands into its values.
func (check *Checker) exprList(es []tree.Expr) []tree.Expr {
	out := make([]tree.Expr, 0, len(es))
	for _, e := range es {
		x := check.expr(e)
		if l, ok := x.(*tree.Let); ok && len(l.Stmts) == 0 && len(l.Exprs) != 1 {
			out = append(out, l.Exprs...)
			continue
		}
		out = append(out, x)
	}
	return out
}

// completeAt completes a type used by value and reports why it cannot
// be, once per type per function.
func (check *Checker) completeAt(t *types.Type, at source.Span) {
	switch t.Kind {
	case types.Struct, types.Array, types.Vector, types.Opaque:
	default:
		return
	}
	if t.IsComplete() || check.env.completed[t] {
		return
	}
	check.env.completed[t] = true
	if err := t.Complete(); err != nil {
		check.hostError(at, err)
	}
}

// paren checks `(x)`: parentheses only group, so `(x)` is an lvalue
// exactly when x is (`&(a.b[0])`, `(@p)[i] = v`). Parentheses around a
// Lua object or a function reference are dropped.
func (check *Checker) paren(p *tree.Paren) tree.Expr {
	x := check.rawExpr(p.X)
	if _, ok := luaObject(x); ok {
		return x
	}
	t := x.Base().Type
	if t == nil {
		return invalid(x)
	}
	if t.Kind == types.Func {
		return x
	}
	p.X = x
	p.Type = x.Base().Type
	p.LValue = x.Base().LValue
	return p
}

// castNode checks a Cast that specialization already built (Lua-side
// globals use it to force an initializer's type): an implicit conversion.
func (check *Checker) castNode(c *tree.Cast) tree.Expr {
	to := c.Type
	x := check.expr(c.X)
	if c.Explicit {
		return check.explicitConvert(x, to, c.Pos)
	}
	return check.convert(x, to)
}

// intrinsic checks the arguments of an intrinsic; its Type was set by
// whoever made it.
func (check *Checker) intrinsic(in *tree.Intrinsic) tree.Expr {
	for i, a := range in.Args {
		in.Args[i] = check.expr(a)
	}
	if in.Type == nil {
		check.errorf(in.Pos, "intrinsic %s has no result type", in.Name)
		return invalid(in)
	}
	return in
}
