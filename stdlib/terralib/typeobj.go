// This file implements Terra types as Lua values.
package terralib

import (
	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/types"
)

const typeClass = "terra.type"

// structLua holds the Lua-visible tables of a struct type.
type structLua struct {
	methods     *lua.LTable
	metamethods *lua.LTable
	entries     *lua.LTable
	fields      *lua.LTable // anything else a program stores on the type
}

// TypeValue returns the unique Lua value for t, so that Lua equality
// and table keys work on types.
func (rt *Runtime) TypeValue(t *types.Type) lua.LValue {
	if ud, ok := rt.typeValues[t]; ok {
		return ud
	}
	ud := rt.L.NewUserData()
	ud.Value = t
	ud.Metatable = rt.typeMeta
	rt.typeValues[t] = ud
	if t.Kind == types.Struct && t.Lua == nil {
		sl := rt.newStructLua()
		t.Lua = sl
		rt.watchMetamethods(t, sl.metamethods)
	}
	return ud
}

func (rt *Runtime) newStructLua() *structLua {
	sl := &structLua{
		methods:     rt.L.NewTable(),
		metamethods: rt.L.NewTable(),
		entries:     rt.L.NewTable(),
		fields:      rt.L.NewTable(),
	}
	if rt.listMeta != nil {
		sl.entries.Metatable = rt.listMeta
	}
	return sl
}

// AsType returns the Terra type a Lua value denotes, or nil.
func (rt *Runtime) AsType(v lua.LValue) *types.Type {
	return userValue[*types.Type](v)
}

// Method returns t.methods[name] for a struct type.
func (rt *Runtime) Method(t *types.Type, name string) lua.LValue {
	if t.Kind != types.Struct {
		return lua.LNil
	}
	rt.TypeValue(t)
	if gm := rt.Metamethod(t, "__getmethod"); gm != lua.LNil {
		vals, err := rt.CallHole(gm, rt.TypeValue(t), lua.LString(name))
		if err != nil || len(vals) == 0 {
			return lua.LNil
		}
		return vals[0]
	}
	if sl, ok := t.Lua.(*structLua); ok {
		return sl.methods.RawGetString(name)
	}
	return lua.LNil
}

func (rt *Runtime) checkType(L *lua.LState, n int) *types.Type {
	t := rt.AsType(L.Get(n))
	if t == nil {
		L.ArgError(n, "expected a type but found "+L.Get(n).Type().String())
	}
	return t
}

func (rt *Runtime) initTypeMeta() {
	L := rt.L
	mt := L.NewTypeMetatable(typeClass)
	rt.typeMeta = mt
	methods := rt.typeMethods()
	mt.RawSetString("__index", L.NewFunction(func(L *lua.LState) int {
		t := rt.checkType(L, 1)
		key := L.Get(2)
		if n, ok := key.(lua.LNumber); ok {
			// T[N] in Lua code builds an array type.
			L.Push(rt.TypeValue(rt.arrayType(L, t, float64(n))))
			return 1
		}
		name, ok := key.(lua.LString)
		if !ok {
			return 0
		}
		L.Push(rt.typeField(t, string(name), methods))
		return 1
	}))
	mt.RawSetString("__newindex", L.NewFunction(func(L *lua.LState) int {
		t := rt.checkType(L, 1)
		if t.Kind != types.Struct {
			L.RaiseError("cannot set fields on type %s", t)
		}
		rt.TypeValue(t)
		sl := t.Lua.(*structLua)
		switch L.CheckString(2) {
		case "methods":
			sl.methods = L.CheckTable(3)
		case "metamethods":
			sl.metamethods = L.CheckTable(3)
			rt.watchMetamethods(t, sl.metamethods)
			rt.refreshTypename(t)
		case "entries":
			sl.entries = L.CheckTable(3)
		default:
			sl.fields.RawSet(L.Get(2), L.Get(3))
		}
		return 0
	}))
	mt.RawSetString("__tostring", L.NewFunction(func(L *lua.LState) int {
		L.Push(lua.LString(rt.checkType(L, 1).String()))
		return 1
	}))
	mt.RawSetString("__call", L.NewFunction(func(L *lua.LState) int {
		// T(v) from Lua makes a value of T, like terralib.new / cast.
		t := rt.checkType(L, 1)
		return rt.luaConstruct(L, t)
	}))
}

// typeField answers T.name for a type.
func (rt *Runtime) typeField(t *types.Type, name string, methods map[string]*lua.LFunction) lua.LValue {
	if t.Kind == types.Struct {
		rt.TypeValue(t)
		sl := t.Lua.(*structLua)
		switch name {
		case "methods":
			return sl.methods
		case "metamethods":
			return sl.metamethods
		case "entries":
			return sl.entries
		case "name":
			return lua.LString(t.String())
		}
		if v := sl.fields.RawGetString(name); v != lua.LNil {
			return v
		}
	}
	switch name {
	case "type":
		if t.Elem != nil {
			return rt.TypeValue(t.Elem)
		}
	case "N":
		if t.Kind == types.Array || t.Kind == types.Vector {
			return lua.LNumber(t.N)
		}
	case "name":
		return lua.LString(t.String())
	case "parameters":
		if t.Kind == types.Func {
			tb := rt.L.NewTable()
			for _, p := range t.Params {
				tb.Append(rt.TypeValue(p))
			}
			if rt.listMeta != nil {
				tb.Metatable = rt.listMeta // a terralib.List, as in Terra
			}
			return tb
		}
	case "returntype":
		if t.Kind == types.Func {
			return rt.TypeValue(t.Result)
		}
	case "isvararg":
		if t.Kind == types.Func {
			return lua.LBool(t.Variadic)
		}
	}
	if f, ok := methods[name]; ok {
		return f
	}
	return lua.LNil
}

func (rt *Runtime) typeMethods() map[string]*lua.LFunction {
	L := rt.L
	pred := func(p func(*types.Type) bool) *lua.LFunction {
		return L.NewFunction(func(L *lua.LState) int {
			L.Push(lua.LBool(p(rt.checkType(L, 1))))
			return 1
		})
	}
	m := map[string]*lua.LFunction{
		"isprimitive":          pred((*types.Type).IsPrimitive),
		"isintegral":           pred((*types.Type).IsIntegral),
		"isfloat":              pred((*types.Type).IsFloat),
		"isarithmetic":         pred((*types.Type).IsArithmetic),
		"islogical":            pred((*types.Type).IsLogical),
		"canbeord":             pred((*types.Type).CanBeOrd),
		"ispointer":            pred((*types.Type).IsPointer),
		"isarray":              pred((*types.Type).IsArray),
		"isfunction":           pred((*types.Type).IsFunction),
		"isstruct":             pred((*types.Type).IsStruct),
		"ispointertostruct":    pred((*types.Type).IsPointerToStruct),
		"ispointertofunction":  pred((*types.Type).IsPointerToFunction),
		"isaggregate":          pred((*types.Type).IsAggregate),
		"isvector":             pred((*types.Type).IsVector),
		"isunit":               pred((*types.Type).IsUnit),
		"isopaque":             pred((*types.Type).IsOpaque),
		"isintegralorvector":   pred((*types.Type).IsIntegralOrVector),
		"isfloatorvector":      pred((*types.Type).IsFloatOrVector),
		"isarithmeticorvector": pred((*types.Type).IsArithmeticOrVector),
		"islogicalorvector":    pred((*types.Type).IsLogicalOrVector),
		"isprimitiveorvector":  pred((*types.Type).IsPrimitiveOrVector),
		"canbeordorvector":     pred((*types.Type).CanBeOrdOrVector),
		"iscomplete":           pred((*types.Type).IsComplete),
	}
	m["complete"] = L.NewFunction(func(L *lua.LState) int {
		t := rt.checkType(L, 1)
		if err := t.Complete(); err != nil {
			L.RaiseError("%s", err.Error())
		}
		L.Push(L.Get(1))
		return 1
	})
	m["getfields"] = L.NewFunction(func(L *lua.LState) int {
		t := rt.checkType(L, 1)
		tb := L.NewTable()
		for _, f := range t.Fields() {
			e := L.NewTable()
			e.RawSetString("field", lua.LString(f.Name))
			e.RawSetString("type", rt.TypeValue(f.Type))
			tb.Append(e)
		}
		L.Push(tb)
		return 1
	})
	m["getmethod"] = L.NewFunction(func(L *lua.LState) int {
		L.Push(rt.Method(rt.checkType(L, 1), L.CheckString(2)))
		return 1
	})
	m["cstring"] = L.NewFunction(func(L *lua.LState) int {
		s, err := rt.cstring(rt.checkType(L, 1))
		if err != nil {
			L.RaiseError("%s", err.Error())
		}
		L.Push(lua.LString(s))
		return 1
	})
	rt.addLimitMethods(m)
	return m
}
