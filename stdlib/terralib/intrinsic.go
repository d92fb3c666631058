// This file implements the function form of terralib.intrinsic: a Lua
// function that, for each call, receives the argument types and picks
// the intrinsic's name and function type.
package terralib

import (
	"fmt"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/source"
)

// intrinsicByFunction is terralib.intrinsic(pick): a macro whose calls
// run pick(argtypes) (a List of the argument types) and call the
// external function it names (name, function type), shared per
// name and type through externs.
func (rt *Runtime) intrinsicByFunction(pick *lua.LFunction, externs map[string]*tree.Function) lua.LValue {
	expand := func(args []tree.Expr, at source.Span) (tree.Expr, error) {
		list := rt.L.NewTable()
		if rt.listMeta != nil {
			list.Metatable = rt.listMeta
		}
		for _, a := range args {
			t, err := rt.checker.TypeOf(a)
			if err != nil {
				return nil, err
			}
			list.Append(rt.TypeValue(t))
		}
		vals, err := rt.CallHole(pick, list)
		if err != nil {
			return nil, fmt.Errorf("error while invoking intrinsic function: %s", luaErrorText(err))
		}
		var name, typ lua.LValue = lua.LNil, lua.LNil
		if len(vals) > 0 {
			name = vals[0]
		}
		if len(vals) > 1 {
			typ = vals[1]
		}
		s, ok := name.(lua.LString)
		if !ok {
			return nil, fmt.Errorf("expected an intrinsic name but found %s", rt.typeOf(name))
		}
		t := rt.AsType(typ)
		if t != nil && t.IsPointerToFunction() {
			t = t.Elem
		}
		if t == nil || t.Kind != types.Func {
			return nil, fmt.Errorf("expected intrinsic to resolve to a function type but found %s", rt.typeOf(typ))
		}
		key := string(s) + "\x00" + t.String()
		fn := externs[key]
		if fn == nil {
			fn = tree.NewExtern(string(s), t)
			externs[key] = fn
		}
		if err := checkImmArgs(string(s), intrinsicImmArgs(string(s), t), args); err != nil {
			return nil, err
		}
		return &tree.Call{ExprBase: tree.ExprBase{Pos: at}, Fn: &tree.FuncRef{ExprBase: tree.ExprBase{Pos: at}, Fn: fn}, Args: args}, nil
	}
	return rt.macroValue(&Macro{Name: "intrinsic", Builtin: expand})
}
