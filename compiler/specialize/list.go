// This file implements how Lua lists and objects with a
// __toterraexpression metamethod enter Terra code.
package specialize

import (
	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/lang/source"
)

// IsList reports whether tb splices as a list of values: a terralib
// List (its metatable has __islist = true), or a plain table whose only
// keys are 1..#tb (the empty table included). Any other table is a Lua
// object.
func IsList(tb *lua.LTable) bool {
	if tb.Metatable != lua.LNil {
		mt, ok := tb.Metatable.(*lua.LTable)
		return ok && mt.RawGetString("__islist") == lua.LTrue
	}
	n, seq := 0, true
	tb.ForEach(func(k, _ lua.LValue) {
		n++
		if _, ok := k.(lua.LNumber); !ok {
			seq = false
		}
	})
	return seq && n == tb.Len()
}

// Flatten expands the Lua lists among vals into their elements (one
// level: a list inside a list stays a table).
func Flatten(vals []lua.LValue) []lua.LValue {
	var out []lua.LValue
	for _, v := range vals {
		if tb, ok := v.(*lua.LTable); ok && IsList(tb) {
			for i := 1; i <= tb.Len(); i++ {
				out = append(out, tb.RawGetInt(i))
			}
			continue
		}
		out = append(out, v)
	}
	return out
}

// convertList turns a Lua list into a statement-free Let of its
// elements' expressions. Elements that are themselves statement-free
// Lets (quotes of several values) contribute their values, so nothing
// nests; the checker splices the Let into argument, result and
// constructor lists, and into blocks in statement position.
func convertList(h Host, tb *lua.LTable, at source.Span) (tree.Expr, error) {
	l := &tree.Let{ExprBase: tree.ExprBase{Pos: at}}
	for i := 1; i <= tb.Len(); i++ {
		v := tb.RawGetInt(i)
		var e tree.Expr
		if sub, ok := v.(*lua.LTable); ok && IsList(sub) {
			// Only one level of list splices, as an element.
			e = &tree.LuaValue{ExprBase: tree.ExprBase{Pos: at}, Value: v}
		} else {
			var err error
			if e, err = Convert(h, v, at); err != nil {
				return nil, err
			}
		}
		if sub, ok := e.(*tree.Let); ok && len(sub.Stmts) == 0 {
			l.Exprs = append(l.Exprs, sub.Exprs...)
			continue
		}
		l.Exprs = append(l.Exprs, e)
	}
	return l, nil
}

// toTerraExpression returns the __toterraexpression metamethod of a
// table, or lua.LNil.
func toTerraExpression(v lua.LValue) lua.LValue {
	tb, ok := v.(*lua.LTable)
	if !ok {
		return lua.LNil
	}
	mt, ok := tb.Metatable.(*lua.LTable)
	if !ok {
		return lua.LNil
	}
	return mt.RawGetString("__toterraexpression")
}
