// This file implements overloaded functions as Lua values
// (terralib.overloadedfunction); the checker resolves calls of them.
package terralib

import (
	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
)

// Overloaded is an overloaded function: a name and its definitions.
type Overloaded struct {
	Name string
	Defs []*tree.Function
}

func asOverloaded(v lua.LValue) *Overloaded {
	return userValue[*Overloaded](v)
}

// Overloads implements check.OverloadHost.
func (rt *Runtime) Overloads(v lua.LValue) ([]*tree.Function, bool) {
	o := asOverloaded(v)
	if o == nil {
		return nil, false
	}
	return o.Defs, true
}

func (rt *Runtime) initOverloads() {
	L := rt.L
	mt := L.NewTypeMetatable("terra.overloadedfunction")
	check := func(L *lua.LState) *Overloaded {
		o := asOverloaded(L.Get(1))
		if o == nil {
			L.ArgError(1, "overloaded function expected")
		}
		return o
	}
	add := func(L *lua.LState, o *Overloaded, v lua.LValue) {
		fn := rt.AsFunction(v)
		if fn == nil {
			L.RaiseError("expected a terra function")
		}
		fn.Name = o.Name
		o.Defs = append(o.Defs, fn)
	}
	defs := func(o *Overloaded) *lua.LTable {
		tb := L.NewTable()
		for _, fn := range o.Defs {
			tb.Append(rt.FunctionValue(fn))
		}
		if rt.listMeta != nil {
			tb.Metatable = rt.listMeta
		}
		return tb
	}
	index := L.NewTable()
	L.SetFuncs(index, map[string]lua.LGFunction{
		"adddefinition": func(L *lua.LState) int {
			add(L, check(L), L.Get(2))
			L.Push(L.Get(1))
			return 1
		},
		"getdefinitions": func(L *lua.LState) int {
			L.Push(defs(check(L)))
			return 1
		},
		"getname": func(L *lua.LState) int {
			L.Push(lua.LString(check(L).Name))
			return 1
		},
	})
	mt.RawSetString("__index", L.NewFunction(func(L *lua.LState) int {
		o := check(L)
		switch key := L.CheckString(2); key {
		case "name":
			L.Push(lua.LString(o.Name))
		case "definitions":
			// A snapshot: adding goes through :adddefinition.
			L.Push(defs(o))
		default:
			L.Push(index.RawGetString(key))
		}
		return 1
	}))
	mt.RawSetString("__call", L.NewFunction(func(L *lua.LState) int {
		L.RaiseError("overloaded function %s cannot be called from Lua; call one of its definitions (:getdefinitions())", check(L).Name)
		return 0
	}))
	mt.RawSetString("__tostring", L.NewFunction(func(L *lua.LState) int {
		L.Push(lua.LString("overloaded function " + check(L).Name))
		return 1
	}))
	tl := L.GetGlobal("terralib").(*lua.LTable)
	tl.RawSetString("overloadedfunction", L.NewFunction(func(L *lua.LState) int {
		o := &Overloaded{Name: L.OptString(1, "overloaded")}
		if tb, ok := L.Get(2).(*lua.LTable); ok {
			for i := 1; i <= tb.Len(); i++ {
				add(L, o, tb.RawGetInt(i))
			}
		}
		ud := L.NewUserData()
		ud.Value = o
		ud.Metatable = mt
		L.Push(ud)
		return 1
	}))
	tl.RawSetString("isoverloadedfunction", L.NewFunction(func(L *lua.LState) int {
		L.Push(lua.LBool(asOverloaded(L.Get(1)) != nil))
		return 1
	}))
}
