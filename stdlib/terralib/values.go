// This file implements the terralib value API (cast, typeof,
// unpackstruct, 1LL literals, tonumber on cdata) and Lua cdata used as
// values inside Terra code.
package terralib

import (
	"fmt"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/lang/source"
	"terrac/runtime/cdata"
)

func (rt *Runtime) initValues() {
	L := rt.L
	tl := L.GetGlobal("terralib").(*lua.LTable)
	L.SetFuncs(tl, map[string]lua.LGFunction{
		"cast": rt.luaCast,
		"typeof": func(L *lua.LState) int {
			if v, ok := cdata.Is(L.Get(1)); ok {
				L.Push(rt.TypeValue(v.T))
				return 1
			}
			L.Push(lua.LNil)
			return 1
		},
	})
	for _, name := range []string{"unpackstruct", "unpacktuple"} {
		if tl.RawGetString(name) == lua.LNil {
			tl.RawSetString(name, L.NewFunction(rt.luaUnpackStruct))
		}
	}
	if t, ok := L.GetGlobal("$terra").(*lua.LTable); ok {
		t.RawSetString("int64lit", L.NewFunction(func(L *lua.LState) int {
			unsigned := L.ToBool(2)
			bits, err := cdata.ParseIntLiteral(L.CheckString(1), unsigned)
			if err != nil {
				L.RaiseError("%s", err.Error())
			}
			t := types.Int64
			if unsigned {
				t = types.Uint64
			}
			L.Push(cdata.Box(rt, t, bits))
			return 1
		}))
	}
	// tonumber converts numeric cdata, as LuaJIT's does.
	orig := L.GetGlobal("tonumber")
	L.SetGlobal("tonumber", L.NewFunction(func(L *lua.LState) int {
		if v, ok := cdata.Is(L.Get(1)); ok {
			if f, ok := cdata.ToNumber(v); ok {
				L.Push(lua.LNumber(f))
				return 1
			}
			L.Push(lua.LNil)
			return 1
		}
		L.Insert(orig, 1)
		L.Call(L.GetTop()-1, 1)
		return 1
	}))
}

// luaCast implements terralib.cast(T, v): explicit conversions (any
// pointer to any pointer, integers to and from pointers, Lua functions
// to callbacks) on top of the implicit ones. Pointers come back as
// cdata (even NULL), other values as Load gives them.
func (rt *Runtime) luaCast(L *lua.LState) int {
	t := rt.checkType(L, 1)
	lv := L.Get(2)
	if t.Kind == types.Func {
		L.RaiseError("cannot cast to function type '%s' (use a pointer to it)", t)
	}
	if err := t.Complete(); err != nil {
		L.RaiseError("%s", err.Error())
	}
	out := cdata.New(t)
	cv, isCdata := cdata.Is(lv)
	done := false
	if t.Kind == types.Pointer {
		switch {
		case isCdata && cv.T.Kind == types.Pointer:
			*(*uintptr)(out.Ptr) = cv.PointerValue()
			done = true
		case isCdata && (cv.T.Kind == types.Struct || cv.T.Kind == types.Array):
			*(*uintptr)(out.Ptr) = uintptr(cv.Ptr)
			done = true
		default:
			if n, ok := cdata.IntOperand(lv); ok {
				*(*uintptr)(out.Ptr) = uintptr(n.Bits)
				done = true
			}
		}
	} else if t.Kind == types.Int && isCdata && (cv.T.Kind == types.Pointer || cv.T.Kind == types.Array) {
		// An array converts to a pointer to its first element first.
		bits := uint64(uintptr(cv.Ptr))
		if cv.T.Kind == types.Pointer {
			bits = uint64(cv.PointerValue())
		}
		*(*uint64)(out.Ptr) = 0
		copy(out.Bytes(), unsafeBytes(&bits)[:t.Size()])
		done = true
	}
	if !done {
		if err := cdata.Store(rt, out.Ptr, t, lv, nil); err != nil {
			L.RaiseError("%s", err.Error())
		}
	}
	if t.Kind == types.Pointer || t.IsAggregate() {
		L.Push(rt.Wrap(out))
		return 1
	}
	L.Push(cdata.Load(rt, out.Ptr, t))
	return 1
}

// luaUnpackStruct returns the fields of a struct or tuple cdata (from
// the 1-based from to to, inclusive) as Lua values; any other value is
// returned as it is.
func (rt *Runtime) luaUnpackStruct(L *lua.LState) int {
	v, ok := cdata.Is(L.Get(1))
	if !ok || v.T.Kind != types.Struct {
		L.Push(L.Get(1))
		return 1
	}
	l, err := v.T.Layout()
	if err != nil {
		L.RaiseError("%s", err.Error())
	}
	from := L.OptInt(2, 1)
	to := L.OptInt(3, len(l.Fields))
	n := 0
	for i := from; i <= to && i <= len(l.Fields); i++ {
		if i < 1 {
			continue
		}
		f := l.Fields[i-1]
		L.Push(cdata.LoadRef(rt, unsafeAdd(v.Ptr, f.Offset), f.Type, v))
		n++
	}
	return n
}

// ConvertValue implements check.ValueHost: a cdata referenced from
// Terra code is a constant of its type when scalar (pointers keep their
// address), and when an aggregate an lvalue naming its memory, which is
// then kept alive for as long as the program runs (Terra's rule).
func (rt *Runtime) ConvertValue(v lua.LValue, at source.Span) (tree.Expr, bool, error) {
	cv, ok := cdata.Is(v)
	if !ok {
		return nil, false, nil
	}
	t := cv.T
	typed := func(t *types.Type) tree.ExprBase { return tree.ExprBase{Pos: at, Type: t} }
	addr := func(t *types.Type, a uintptr) tree.Expr {
		return &tree.Cast{ExprBase: typed(t), Explicit: true, X: &tree.IntLit{ExprBase: typed(types.Uint64), Bits: uint64(a)}}
	}
	switch t.Kind {
	case types.Int, types.Bool:
		bits, _ := cdata.IntBits(cv)
		if t.Kind == types.Bool {
			return &tree.BoolLit{ExprBase: typed(t), Value: bits != 0}, true, nil
		}
		return &tree.IntLit{ExprBase: typed(t), Bits: bits}, true, nil
	case types.Float:
		f, _ := cdata.ToNumber(cv)
		return &tree.FloatLit{ExprBase: typed(t), Value: f}, true, nil
	case types.Pointer:
		return addr(t, cv.PointerValue()), true, nil
	case types.Struct, types.Array, types.Vector:
		rt.bridge.pinned = append(rt.bridge.pinned, cv)
		return &tree.Unary{ExprBase: tree.ExprBase{Pos: at}, Op: "@", X: addr(types.PointerTo(t), uintptr(cv.Ptr))}, true, nil
	}
	return nil, true, fmt.Errorf("cdata of type '%s' cannot be used in terra code", t)
}
