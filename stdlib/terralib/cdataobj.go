// This file implements cdata (native values held by Lua) as Lua values.
package terralib

import (
	"unsafe"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/types"
	"terrac/runtime/cdata"
)

func (rt *Runtime) initCdataMeta() {
	L := rt.L
	mt := L.NewTypeMetatable("terra.cdata")
	rt.cdataMeta = mt
	mt.RawSetString("__tostring", L.NewFunction(func(L *lua.LState) int {
		v, _ := cdata.Is(L.Get(1))
		L.Push(lua.LString(v.String()))
		return 1
	}))
	mt.RawSetString("__index", L.NewFunction(func(L *lua.LState) int {
		v, _ := cdata.Is(L.Get(1))
		p, t, ok := rt.cdataElem(L, v, L.Get(2))
		if !ok {
			return 0
		}
		L.Push(cdata.Load(rt, p, t))
		return 1
	}))
	mt.RawSetString("__newindex", L.NewFunction(func(L *lua.LState) int {
		v, _ := cdata.Is(L.Get(1))
		p, t, ok := rt.cdataElem(L, v, L.Get(2))
		if !ok {
			L.RaiseError("cannot index cdata<%s> with %s", v.T, L.Get(2).String())
		}
		var keep []unsafe.Pointer
		if err := cdata.Store(rt, p, t, L.Get(3), &keep); err != nil {
			L.RaiseError("%s", err.Error())
		}
		return 0
	}))
	mt.RawSetString("__eq", L.NewFunction(func(L *lua.LState) int {
		a, _ := cdata.Is(L.Get(1))
		b, _ := cdata.Is(L.Get(2))
		if a.T.Kind == types.Pointer && b.T.Kind == types.Pointer {
			L.Push(lua.LBool(a.PointerValue() == b.PointerValue()))
			return 1
		}
		L.Push(lua.LBool(a == b))
		return 1
	}))
}

// cdataElem finds the memory and type of v[key]: a struct field, an
// array element, or an element through a pointer.
func (rt *Runtime) cdataElem(L *lua.LState, v *cdata.Value, key lua.LValue) (unsafe.Pointer, *types.Type, bool) {
	t := v.T
	base := v.Ptr
	if t.Kind == types.Pointer {
		base = v.Pointee()
		t = t.Elem
		if n, ok := key.(lua.LNumber); ok {
			if base == nil {
				L.RaiseError("attempt to index a NULL pointer")
			}
			return unsafe.Add(base, int64(n)*t.Size()), t, true
		}
	}
	switch t.Kind {
	case types.Struct:
		name, ok := key.(lua.LString)
		if !ok {
			return nil, nil, false
		}
		if _, err := t.Layout(); err != nil {
			return nil, nil, false
		}
		f, ok := t.FieldByName(string(name))
		if !ok {
			return nil, nil, false
		}
		if base == nil {
			L.RaiseError("attempt to index a NULL pointer")
		}
		return unsafe.Add(base, f.Offset), f.Type, true
	case types.Array:
		n, ok := key.(lua.LNumber)
		if !ok || int(n) < 0 || int(n) >= t.N {
			return nil, nil, false
		}
		return unsafe.Add(base, int64(n)*t.Elem.Size()), t.Elem, true
	}
	return nil, nil, false
}

// Wrap makes the Lua value for a cdata value.
func (rt *Runtime) Wrap(v *cdata.Value) lua.LValue {
	ud := rt.L.NewUserData()
	ud.Value = v
	ud.Metatable = rt.cdataMeta
	return ud
}

// FunctionPointer compiles a Terra function given as a Lua value and
// returns its address.
func (rt *Runtime) FunctionPointer(v lua.LValue) (uintptr, bool, error) {
	fn := rt.AsFunction(v)
	if fn == nil {
		return 0, false, nil
	}
	addr, err := rt.Engine.Address(fn)
	return addr, true, err
}

// luaConstruct implements T(init) called from Lua: a new cdata of T.
func (rt *Runtime) luaConstruct(L *lua.LState, t *types.Type) int {
	if err := t.Complete(); err != nil {
		L.RaiseError("%s", err.Error())
	}
	v := cdata.New(t)
	if L.GetTop() >= 2 {
		var keep []unsafe.Pointer
		if err := cdata.Store(rt, v.Ptr, t, L.Get(2), &keep); err != nil {
			L.RaiseError("%s", err.Error())
		}
	}
	L.Push(rt.Wrap(v))
	return 1
}
