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

// RawMethod implements check.RaiiHost.
func (rt *Runtime) RawMethod(t *types.Type, name string) lua.LValue {
	rt.TypeValue(t)
	if sl, ok := t.Lua.(*structLua); ok {
		return sl.methods.RawGetString(name)
	}
	return lua.LNil
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
	// terralib.ext.addmissing.NAME(T), from the proposal's terralibext:
	// here every managed type gets its missing methods when it is found
	// managed, so these only make that happen now (T.methods then holds
	// them). They do nothing for other types.
	addmissing := rt.L.NewTable()
	fill := rt.L.NewFunction(func(L *lua.LState) int {
		if t := rt.AsType(L.Get(1)); t != nil && t.IsStruct() {
			if _, err := rt.checker.Managed(t); err != nil {
				L.RaiseError("%s", err.Error())
			}
		}
		return 0
	})
	for _, name := range []string{"__init", "__dtor", "__copy", "__move", "__forward", "__all"} {
		addmissing.RawSetString(name, fill)
	}
	ext := rt.L.NewTable()
	ext.RawSetString("addmissing", addmissing)
	tl.RawSetString("ext", ext)
	for name, op := range map[string]string{"__move__": "move", "__handle__": "handle"} {
		rt.L.SetGlobal(name, rt.macroValue(&Macro{Name: name, Builtin: func(args []tree.Expr, at source.Span) (tree.Expr, error) {
			if len(args) != 1 {
				return nil, fmt.Errorf("%s expects one argument but found %d", name, len(args))
			}
			return &tree.Directive{ExprBase: tree.ExprBase{Pos: at}, Op: op, X: args[0]}, nil
		}}))
	}
}
