// This file implements the builtin dual macros: vector, vectorof,
// array, arrayof, unpackstruct, unpacktuple and terralib.select. In
// Terra code they build values; called from Lua, vector makes a type
// and unpackstruct/unpacktuple expand cdata.
package terralib

import (
	"fmt"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/source"
	"terrac/runtime/cdata"
)

func (rt *Runtime) initBuiltins() {
	L := rt.L
	defer rt.initOperator()
	// Calling a builtin from Lua runs its Lua form (see the macro
	// metatable's __call in meta.go).
	vectorType := func(L *lua.LState) int {
		L.Push(rt.TypeValue(rt.vectorType(L, rt.checkType(L, 1), L.CheckInt(2))))
		return 1
	}
	arrays := func(name string, vector, typed bool) *Macro {
		return &Macro{Name: name, Builtin: func(args []tree.Expr, at source.Span) (tree.Expr, error) {
			a := &tree.ArrayLit{ExprBase: tree.ExprBase{Pos: at}, Vector: vector, Elems: args}
			if typed {
				if len(args) == 0 {
					return nil, fmt.Errorf("%s expects a type as its first argument", name)
				}
				if a.Elem = rt.exprAsType(args[0]); a.Elem == nil {
					return nil, fmt.Errorf("%s expects a type as its first argument", name)
				}
				a.Elems = args[1:]
			}
			return a, nil
		}}
	}
	vec := arrays("vector", true, false)
	vec.Lua = vectorType
	L.SetGlobal("vector", rt.macroValue(vec))
	L.SetGlobal("vectorof", rt.macroValue(arrays("vectorof", true, true)))
	L.SetGlobal("array", rt.macroValue(arrays("array", false, false)))
	L.SetGlobal("arrayof", rt.macroValue(arrays("arrayof", false, true)))
	unpack := func(name string, tuple bool) *Macro {
		return &Macro{Name: name, Builtin: func(args []tree.Expr, at source.Span) (tree.Expr, error) {
			if len(args) < 1 || len(args) > 3 {
				return nil, fmt.Errorf("%s expects 1 to 3 arguments but found %d", name, len(args))
			}
			u := &tree.Unpack{ExprBase: tree.ExprBase{Pos: at}, X: args[0], Tuple: tuple}
			bounds := []*int{&u.From, &u.To}
			for i, a := range args[1:] {
				n, ok := constantInt(a)
				if !ok {
					return nil, fmt.Errorf("%s expects constant integer bounds", name)
				}
				*bounds[i] = n
			}
			return u, nil
		}, Lua: func(L *lua.LState) int { return rt.luaUnpack(L, tuple) }}
	}
	rt.initRaiiDirectives()
	L.SetGlobal("unpackstruct", rt.macroValue(unpack("unpackstruct", false)))
	L.SetGlobal("unpacktuple", rt.macroValue(unpack("unpacktuple", true)))
	tl := L.GetGlobal("terralib").(*lua.LTable)
	if sz, ok := tl.RawGetString("sizeof").(*lua.LFunction); ok {
		asMacro(L.GetGlobal("sizeof")).Lua = func(L *lua.LState) int {
			L.Push(sz)
			L.Insert(sz, 1)
			L.Call(L.GetTop()-1, 1)
			return 1
		}
		// terralib.sizeof is the same macro as the global, so Terra code
		// may call either spelling.
		tl.RawSetString("sizeof", L.GetGlobal("sizeof"))
	}
	tl.RawSetString("unpackstruct", L.GetGlobal("unpackstruct"))
	tl.RawSetString("unpacktuple", L.GetGlobal("unpacktuple"))
	tl.RawSetString("externfunction", L.NewFunction(func(L *lua.LState) int {
		name, t := L.CheckString(1), rt.checkType(L, 2)
		if t.IsPointerToFunction() {
			t = t.Elem
		}
		if !t.IsFunction() {
			L.ArgError(2, "expected a function type or a pointer to a function type")
		}
		L.Push(rt.FunctionValue(tree.NewExtern(name, t)))
		return 1
	}))
	tl.RawSetString("select", rt.macroValue(&Macro{Name: "select", Builtin: func(args []tree.Expr, at source.Span) (tree.Expr, error) {
		if len(args) != 3 {
			return nil, fmt.Errorf("select expects 3 arguments but found %d", len(args))
		}
		return &tree.CondSelect{ExprBase: tree.ExprBase{Pos: at}, C: args[0], A: args[1], B: args[2]}, nil
	}}))
}

// constantInt reads a macro argument that must be an integer constant.
func constantInt(e tree.Expr) (int, bool) {
	switch e := e.(type) {
	case *tree.IntLit:
		return int(int64(e.Bits)), true
	case *tree.LuaValue:
		if n, ok := e.Value.(lua.LNumber); ok && float64(n) == float64(int(n)) {
			return int(n), true
		}
	case *tree.FloatLit:
		if e.Value == float64(int(e.Value)) {
			return int(e.Value), true
		}
	}
	return 0, false
}

// luaUnpack is unpackstruct(cdata [, from [, to]]) from Lua: the struct's
// fields as separate values; anything else (and non-tuples for
// unpacktuple) is returned as it is.
func (rt *Runtime) luaUnpack(L *lua.LState, tuple bool) int {
	v, ok := cdata.Is(L.Get(1))
	if !ok || v.T.Kind != types.Struct || tuple && !v.T.IsTuple {
		L.Push(L.Get(1))
		return 1
	}
	fields := v.T.Fields()
	from, to := L.OptInt(2, 1), L.OptInt(3, len(fields))
	to = min(to, len(fields))
	for i := from; i <= to; i++ {
		L.Push(L.GetField(L.Get(1), fields[i-1].Name))
	}
	return max(0, to-from+1)
}
