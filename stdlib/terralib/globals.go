// This file implements the global names a Terra program sees: the
// primitive types and the terralib table.
package terralib

import (
	"strconv"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/runtime/cdata"
)

func (rt *Runtime) initGlobals() {
	L := rt.L
	for name, t := range types.Primitives() {
		L.SetGlobal(name, rt.TypeValue(t))
	}
	L.SetGlobal("symbol", L.NewFunction(rt.luaSymbol))
	L.SetGlobal("label", L.NewFunction(func(L *lua.LState) int {
		L.Push(rt.LabelValue(tree.NewLabel(L.OptString(1, "label"))))
		return 1
	}))
	L.SetGlobal("tuple", L.NewFunction(func(L *lua.LState) int {
		L.Push(rt.TypeValue(types.TupleOf(rt.typeArgs(L, 1)...)))
		return 1
	}))
	L.SetGlobal("vector", L.NewFunction(func(L *lua.LState) int {
		t := rt.checkType(L, 1)
		L.Push(rt.TypeValue(rt.vectorType(L, t, L.CheckInt(2))))
		return 1
	}))
}

// typeArgs reads Lua arguments from n on as types.
func (rt *Runtime) typeArgs(L *lua.LState, n int) []*types.Type {
	var ts []*types.Type
	for i := n; i <= L.GetTop(); i++ {
		ts = append(ts, rt.checkType(L, i))
	}
	return ts
}

func (rt *Runtime) luaSymbol(L *lua.LState) int {
	var t *types.Type
	name := ""
	for i := 1; i <= L.GetTop(); i++ {
		if tt := rt.AsType(L.Get(i)); tt != nil {
			t = tt
		} else if s, ok := L.Get(i).(lua.LString); ok {
			name = string(s)
		}
	}
	sym := tree.NewSymbol(name, t)
	sym.Escaped = true
	if name == "" {
		// Unnamed symbols print as $<number>, as in Terra.
		sym.Name = strconv.FormatInt(sym.ID, 10)
	}
	L.Push(rt.SymbolValue(sym))
	return 1
}

func (rt *Runtime) initTerralib() {
	L := rt.L
	tl := L.NewTable()
	L.SetGlobal("terralib", tl)
	L.SetGlobal("terra", tl)
	tys := L.NewTable()
	for name, t := range types.Primitives() {
		tys.RawSetString(name, rt.TypeValue(t))
	}
	tys.RawSetString("unit", rt.TypeValue(types.Unit()))
	tys.RawSetString("error", rt.TypeValue(types.ErrorT))
	L.SetFuncs(tys, map[string]lua.LGFunction{
		"pointer": func(L *lua.LState) int {
			L.Push(rt.TypeValue(types.PointerIn(rt.checkType(L, 1), L.OptInt(2, 0))))
			return 1
		},
		"array": func(L *lua.LState) int {
			L.Push(rt.TypeValue(rt.arrayType(L, rt.checkType(L, 1), float64(L.CheckNumber(2)))))
			return 1
		},
		"vector": func(L *lua.LState) int {
			L.Push(rt.TypeValue(rt.vectorType(L, rt.checkType(L, 1), L.CheckInt(2))))
			return 1
		},
		"tuple": func(L *lua.LState) int {
			L.Push(rt.TypeValue(types.TupleOf(rt.typeArgs(L, 1)...)))
			return 1
		},
		"functype": func(L *lua.LState) int {
			params, ret := rt.funcTypeArgs(L)
			L.Push(rt.TypeValue(types.FuncOf(params, ret, L.OptBool(3, false))))
			return 1
		},
		"funcpointer": func(L *lua.LState) int {
			params, ret := rt.funcTypeArgs(L)
			L.Push(rt.TypeValue(types.PointerTo(types.FuncOf(params, ret, L.OptBool(3, false)))))
			return 1
		},
		"newstruct": func(L *lua.LState) int {
			L.Push(rt.TypeValue(rt.newStruct(L.OptString(1, "anon"))))
			return 1
		},
		"istype": func(L *lua.LState) int {
			L.Push(lua.LBool(rt.AsType(L.Get(1)) != nil))
			return 1
		},
	})
	tl.RawSetString("types", tys)
	L.SetFuncs(tl, map[string]lua.LGFunction{
		"istype": func(L *lua.LState) int {
			L.Push(lua.LBool(rt.AsType(L.Get(1)) != nil))
			return 1
		},
		"isfunction": func(L *lua.LState) int {
			L.Push(lua.LBool(rt.AsFunction(L.Get(1)) != nil))
			return 1
		},
		"issymbol": func(L *lua.LState) int {
			L.Push(lua.LBool(rt.AsSymbol(L.Get(1)) != nil))
			return 1
		},
		"isquote": func(L *lua.LState) int {
			L.Push(lua.LBool(rt.AsQuote(L.Get(1)) != nil))
			return 1
		},
		"islabel": func(L *lua.LState) int {
			L.Push(lua.LBool(rt.AsLabel(L.Get(1)) != nil))
			return 1
		},
		"iscdata": func(L *lua.LState) int {
			_, ok := cdata.Is(L.Get(1))
			L.Push(lua.LBool(ok))
			return 1
		},
		"newsymbol": rt.luaSymbol,
		"newlabel": func(L *lua.LState) int {
			L.Push(rt.LabelValue(tree.NewLabel(L.OptString(1, "label"))))
			return 1
		},
		"new": func(L *lua.LState) int {
			t := rt.checkType(L, 1)
			L.Remove(1)
			L.Insert(lua.LNil, 1)
			return rt.luaConstruct(L, t)
		},
		"memoize": rt.luaMemoize,
		"offsetof": func(L *lua.LState) int {
			t := rt.checkType(L, 1)
			var name string
			if l := rt.AsLabel(L.Get(2)); l != nil {
				name = l.FieldName()
			} else {
				name = L.CheckString(2)
			}
			if _, err := t.Layout(); err != nil {
				L.RaiseError("%s", err.Error())
			}
			f, ok := t.FieldByName(name)
			if !ok {
				L.RaiseError("no field %s in struct %s", name, t)
			}
			L.Push(lua.LNumber(f.Offset))
			return 1
		},
		"typeof": func(L *lua.LState) int {
			if v, ok := cdata.Is(L.Get(1)); ok {
				L.Push(rt.TypeValue(v.T))
				return 1
			}
			return 0
		},
	})
	rt.initCImport(tl)
}

func (rt *Runtime) funcTypeArgs(L *lua.LState) ([]*types.Type, *types.Type) {
	var params []*types.Type
	switch p := L.Get(1).(type) {
	case *lua.LTable:
		for i := 1; i <= p.Len(); i++ {
			t := rt.AsType(p.RawGetInt(i))
			if t == nil {
				L.ArgError(1, "expected a list of types")
			}
			params = append(params, t)
		}
	default:
		params = []*types.Type{rt.checkType(L, 1)}
	}
	var ret *types.Type
	switch r := L.Get(2).(type) {
	case *lua.LTable:
		var elems []*types.Type
		for i := 1; i <= r.Len(); i++ {
			t := rt.AsType(r.RawGetInt(i))
			if t == nil {
				L.ArgError(2, "expected a list of types")
			}
			elems = append(elems, t)
		}
		if len(elems) == 1 {
			ret = elems[0]
		} else {
			ret = types.TupleOf(elems...)
		}
	default:
		ret = rt.checkType(L, 2)
	}
	return params, ret
}
