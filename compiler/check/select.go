// This file implements field selection `x.name`: struct fields (through
// one pointer), tuple fields `_0`, static methods `T.name` and fields of
// Lua tables.
package check

import (
	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
)

// selector checks `x.name`. On a struct value the result is the Select
// with Field set and LValue inherited from X; on a pointer to a struct
// an `@` is inserted first (so the result is an lvalue). Selecting from
// a Lua object yields that object's field, converted like any Lua value.
func (check *Checker) selector(s *tree.Select) tree.Expr {
	x := check.rawExpr(s.X)
	if lv, ok := luaObject(x); ok {
		return check.luaSelect(s, lv)
	}
	x = check.value(x)
	s.X, s.LValue = x, false
	t := x.Base().Type
	if isErr(t) {
		return invalid(s)
	}
	if t.IsPointerToStruct() {
		x = check.deref(x, nil)
		s.X, t = x, t.Elem
	}
	if !t.IsStruct() {
		check.errorf(s.Pos, "expected a structural type but found %s", t)
		return invalid(s)
	}
	if _, err := t.Layout(); err != nil {
		check.completeAt(t, x.Span())
		return invalid(s)
	}
	f, ok := t.FieldByName(s.Name)
	if !ok {
		if r, ok := check.entryMeta(t, s.Name, x, s.Pos); ok {
			return r
		}
		check.errorf(s.Pos, "no field %s in terra object of type %s", s.Name, t)
		return invalid(s)
	}
	s.Field = &f
	s.Type = f.Type
	s.LValue = x.Base().LValue
	return s
}

// luaSelect handles `A.name` where A is a Lua object: a struct type
// gives its method (static method call), a table its field.
func (check *Checker) luaSelect(s *tree.Select, lv *tree.LuaValue) tree.Expr {
	var v lua.LValue
	if t := check.asType(lv); t != nil {
		if !t.IsStruct() {
			check.errorf(s.Pos, "expected a struct type but found %s", t)
			return invalid(s)
		}
		var ok bool
		if v, ok = check.lookupMethod(t, s.Name, s.Pos); !ok {
			return invalid(s)
		}
		if v == nil || v == lua.LNil {
			check.errorf(s.Pos, "no such method %s defined for type %s", s.Name, t)
			return invalid(s)
		}
	} else {
		tbl, ok := lv.Value.(*lua.LTable)
		if !ok {
			check.errorf(s.Pos, "expected a table but found %s", luaTypeName(lv.Value))
			return invalid(s)
		}
		v = tbl.RawGetString(s.Name) // hook: __index metatables need the Lua state
		if v == lua.LNil {
			check.errorf(s.Pos, "no field %s in lua object", s.Name)
			return invalid(s)
		}
	}
	return check.luaValue(&tree.LuaValue{ExprBase: tree.ExprBase{Pos: s.Pos}, Value: v})
}
