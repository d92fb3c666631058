// This file implements the hook through which a host turns its own Lua
// values (native data such as LuaJIT-style cdata) into Terra expressions.
package check

import (
	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/lang/source"
)

// ValueHost is implemented by hosts with Lua values that stand for
// Terra values: ConvertValue returns the (unchecked) expression for v,
// ok false when v is not such a value.
type ValueHost interface {
	ConvertValue(v lua.LValue, at source.Span) (x tree.Expr, ok bool, err error)
}

// hostValue asks the host to convert v; ok is false if it does not.
func (check *Checker) hostValue(e *tree.LuaValue) (tree.Expr, bool) {
	vh, ok := check.Host.(ValueHost)
	if !ok {
		return nil, false
	}
	x, ok, err := vh.ConvertValue(e.Value, e.Pos)
	if !ok {
		return nil, false
	}
	if err != nil {
		check.errorf(e.Pos, "%s", err.Error())
		return invalid(e), true
	}
	return check.rawExpr(x), true
}
