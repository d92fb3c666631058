// This file implements macros: Lua functions (or Go builtins such as
// sizeof) that run while a call is typechecked and return the
// expression that replaces the call.
package terralib

import (
	"fmt"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/source"
)

// Macro is a macro object as Lua sees it.
type Macro struct {
	Name string
	Fn   lua.LValue // a Lua function, or nil for a builtin
	// FromLua is what calling the macro from Lua code runs (createmacro).
	FromLua lua.LValue
	// Builtin expands the call in Go.
	Builtin func(args []tree.Expr, at source.Span) (tree.Expr, error)
	// Lua, when set, is what calling the macro from Lua code does.
	Lua lua.LGFunction
}

func (rt *Runtime) macroValue(m *Macro) lua.LValue {
	ud := rt.L.NewUserData()
	ud.Value = m
	ud.Metatable = rt.macroMeta
	return ud
}

func asMacro(v lua.LValue) *Macro {
	return userValue[*Macro](v)
}

func (rt *Runtime) initMacros() {
	L := rt.L
	rt.macroMeta = L.NewTypeMetatable("terra.macro")
	rt.macroMeta.RawSetString("__tostring", L.NewFunction(func(L *lua.LState) int {
		L.Push(lua.LString("macro " + asMacro(L.Get(1)).Name))
		return 1
	}))
	L.SetGlobal("macro", L.NewFunction(func(L *lua.LState) int {
		L.Push(rt.macroValue(&Macro{Name: "macro", Fn: L.CheckFunction(1)}))
		return 1
	}))
	L.SetGlobal("sizeof", rt.macroValue(&Macro{Name: "sizeof", Builtin: rt.sizeofMacro}))
	defer rt.initBuiltins()
	tl := L.GetGlobal("terralib").(*lua.LTable)
	tl.RawSetString("ismacro", L.NewFunction(func(L *lua.LState) int {
		L.Push(lua.LBool(asMacro(L.Get(1)) != nil))
		return 1
	}))
	tl.RawSetString("sizeof", L.NewFunction(func(L *lua.LState) int {
		t := rt.checkType(L, 1)
		if err := t.Complete(); err != nil {
			L.RaiseError("%s", err.Error())
		}
		L.Push(lua.LNumber(t.Size()))
		return 1
	}))
}

// sizeofMacro is sizeof(T) in Terra code: a uint64 constant.
func (rt *Runtime) sizeofMacro(args []tree.Expr, at source.Span) (tree.Expr, error) {
	if len(args) != 1 {
		return nil, fmt.Errorf("sizeof expects one type argument but found %d arguments", len(args))
	}
	t := rt.exprAsType(args[0])
	if t == nil {
		return nil, fmt.Errorf("sizeof expects a type argument")
	}
	if err := t.Complete(); err != nil {
		return nil, err
	}
	return &tree.IntLit{ExprBase: tree.ExprBase{Pos: at, Type: types.Uint64}, Bits: uint64(t.Size())}, nil
}

// ExpandMacro runs a macro for the checker. Lua macros receive their
// arguments as quotes and may return quotes, values, symbols or types.
func (rt *Runtime) ExpandMacro(v lua.LValue, args []tree.Expr, at source.Span) (tree.Expr, bool, error) {
	m := asMacro(v)
	if m == nil {
		return nil, false, nil
	}
	copies := make([]tree.Expr, len(args))
	for i, a := range args {
		copies[i] = tree.CopyExpr(a)
	}
	return rt.ExpandMacroWith(v, nil, copies, at)
}

func luaErrorText(err error) string {
	if ae, ok := err.(*lua.ApiError); ok && ae.Object != nil {
		return ae.Object.String()
	}
	return err.Error()
}

// exprAsType reads an unchecked expression as a type, as a quote's
// :astype() does: a type value, &T, or T[N] with a constant N.
func (rt *Runtime) exprAsType(e tree.Expr) *types.Type {
	switch e := e.(type) {
	case *tree.LuaValue:
		return rt.AsType(e.Value)
	case *tree.Paren:
		return rt.exprAsType(e.X)
	case *tree.Unary:
		if e.Op == "&" {
			if t := rt.exprAsType(e.X); t != nil {
				return types.PointerTo(t)
			}
		}
	case *tree.Index:
		if n, ok := e.I.(*tree.IntLit); ok {
			if t := rt.exprAsType(e.X); t != nil && n.Bits <= types.MaxSize && (!t.IsComplete() || !types.ArrayTooLarge(t, int64(n.Bits))) {
				return types.ArrayOf(t, int(n.Bits))
			}
		}
	}
	return nil
}
