// This file implements the directives of managed types, __move__(x) and
// __handle__(x), as global builtin macros (see docs/raii.md).
package terralib

import (
	"fmt"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/source"
)

// SetGeneratedMethod implements check.RaiiHost: the generated methods
// of a managed struct appear in its methods table.
func (rt *Runtime) SetGeneratedMethod(t *types.Type, name string, fn *tree.Function) {
	rt.TypeValue(t)
	if sl, ok := t.Lua.(*structLua); ok && sl.methods.RawGetString(name) == lua.LNil {
		sl.methods.RawSetString(name, rt.FunctionValue(fn))
	}
}

func (rt *Runtime) initRaiiDirectives() {
	// terralib.ismanaged(T): whether T is a managed type (completing T;
	// afterwards T.methods holds its generated methods).
	tl := rt.L.GetGlobal("terralib").(*lua.LTable)
	tl.RawSetString("ismanaged", rt.L.NewFunction(func(L *lua.LState) int {
		t := rt.checkType(L, 1)
		ok, err := rt.checker.Managed(t)
		if err != nil {
			L.RaiseError("%s", err.Error())
		}
		L.Push(lua.LBool(ok))
		return 1
	}))
	for name, op := range map[string]string{"__move__": "move", "__handle__": "handle"} {
		rt.L.SetGlobal(name, rt.macroValue(&Macro{Name: name, Builtin: func(args []tree.Expr, at source.Span) (tree.Expr, error) {
			if len(args) != 1 {
				return nil, fmt.Errorf("%s expects one argument but found %d", name, len(args))
			}
			return &tree.Directive{ExprBase: tree.ExprBase{Pos: at}, Op: op, X: args[0]}, nil
		}}))
	}
}
