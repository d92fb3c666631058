// This file implements how Lua lists and objects with a
// __toterraexpression metamethod enter Terra code.
package specialize

import lua "github.com/yuin/gopher-lua"

// IsList reports whether tb splices as a list of values: a plain table,
// or a terralib List (its metatable has __islist = true).
func IsList(tb *lua.LTable) bool {
	if tb.Metatable == lua.LNil {
		return true
	}
	mt, ok := tb.Metatable.(*lua.LTable)
	return ok && mt.RawGetString("__islist") == lua.LTrue
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
