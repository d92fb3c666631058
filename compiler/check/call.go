// This file implements calls: of functions, function pointers and of
// types (explicit casts), with argument conversion and vararg promotion.
package check

import (
	"strings"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/source"
)

// call checks `f(args)`. After checking, Fn is a FuncRef (of function
// type: a direct call) or a value of pointer-to-function type, and each
// argument has its parameter's type. Calling a type is an explicit cast
// and yields the cast expression instead of a Call.
func (check *Checker) call(c *tree.Call) tree.Expr {
	fn := check.rawExpr(c.Fn)
	if lv, ok := luaObject(fn); ok {
		if t := check.asType(lv); t != nil {
			return check.castCall(c, t)
		}
		if mh, ok := check.Host.(MacroHost); ok {
			res, isMacro, err := mh.ExpandMacro(lv.Value, c.Args, c.Pos)
			if isMacro {
				if err != nil {
					check.hostError(c.Pos, err)
					return invalid(c)
				}
				return check.expansion(c.Pos, res)
			}
		}
		if _, ok := check.overloads(lv.Value); ok {
			args := check.exprList(c.Args)
			if r, ok := check.callValues(c.Pos, []lua.LValue{lv.Value}, nil, args, castNone, false); ok {
				return r
			}
		}
		check.exprList(c.Args)
		check.errorf(c.Pos, "expected a function or macro but found lua value of type %s", luaTypeName(lv.Value))
		return invalid(c)
	}
	args := check.exprList(c.Args)
	c.Fn, c.Args, c.LValue = fn, args, false
	ft := fn.Base().Type
	switch {
	case isErr(ft):
		return invalid(c)
	case ft.Kind == types.Func:
	case ft.IsPointerToFunction():
		ft = ft.Elem
	default:
		if r, ok := check.applyMeta(c, ft); ok {
			return r
		}
		check.errorf(c.Pos, "expected a function but found %s", ft)
		return invalid(c)
	}
	if !check.arguments(c.Pos, ft, c.Args) {
		return invalid(c)
	}
	c.Type = ft.Result
	return c
}

// arguments converts args in place to the parameter types of the
// function type ft, promoting extra vararg arguments. It reports a wrong
// count and returns false.
func (check *Checker) arguments(at source.Span, ft *types.Type, args []tree.Expr) bool {
	for _, a := range args {
		if isErr(a.Base().Type) {
			return false
		}
	}
	n := len(ft.Params)
	if len(args) < n || (!ft.Variadic && len(args) != n) {
		check.errorf(at, "expected %d parameters (%s), but found %d (%s)", n, typeList(ft.Params), len(args), typeList(exprTypes(args)))
		return false
	}
	for i, a := range args {
		if i < n {
			args[i] = check.convert(a, ft.Params[i])
		} else {
			args[i] = promote(a)
		}
	}
	return true
}

// promote applies C's default argument promotions to a vararg argument:
// float → double, integers narrower than 32 bits and bool → int32, and
// arrays decay to a pointer to their first element.
func promote(a tree.Expr) tree.Expr {
	t := a.Base().Type
	switch {
	case t == types.Float32:
		return mkCast(a, types.Float64, false)
	case t.IsIntegral() && t.Bits < 32, t.IsLogical():
		return mkCast(a, types.Int32, false)
	case t.IsArray():
		return mkCast(a, types.PointerTo(t.Elem), false)
	}
	return a
}

// castCall checks `T(e)` / `[T](e)`: an explicit cast of one value.
// A struct with a __construct metamethod (a macro) is built instead:
// T(args) expands __construct(args), with any number of arguments (the
// class library's constructors, `var x = Point(1, 2)`). A struct
// literal `T {…}` keeps its meaning.
func (check *Checker) castCall(c *tree.Call, t *types.Type) tree.Expr {
	if mm, ok := check.metamethod(t, "__construct"); ok && !isBraceLiteral(c.Args) {
		if mh, ok := check.Host.(MacroHost); ok {
			res, isMacro, err := mh.ExpandMacro(mm, c.Args, c.Pos)
			if isMacro {
				if err != nil {
					check.hostError(c.Pos, err)
					return invalid(c)
				}
				return check.expansion(c.Pos, res)
			}
		}
	}
	args := check.exprList(c.Args)
	if len(args) != 1 {
		check.errorf(c.Pos, "cast to %s expects one argument but found %d", t, len(args))
		return invalid(c)
	}
	check.completeAt(t, c.Pos)
	return check.explicitConvert(args[0], t, c.Pos)
}

// isBraceLiteral reports whether args is the one argument of `T {…}`.
func isBraceLiteral(args []tree.Expr) bool {
	if len(args) != 1 {
		return false
	}
	_, ok := args[0].(*tree.Constructor)
	return ok
}

func exprTypes(es []tree.Expr) []*types.Type {
	ts := make([]*types.Type, len(es))
	for i, e := range es {
		ts[i] = e.Base().Type
	}
	return ts
}

func typeList(ts []*types.Type) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = t.String()
	}
	return strings.Join(s, ",")
}
