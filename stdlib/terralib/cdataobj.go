// This file implements cdata (native values held by Lua) as Lua values:
// field and element access, pointer arithmetic and comparison, 64-bit
// integer arithmetic, calls through function pointers, and methods.
package terralib

import (
	"math"
	"unsafe"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/types"
	"terrac/runtime/cdata"
)

func (rt *Runtime) initCdataMeta() {
	L := rt.L
	mt := L.NewTypeMetatable("terra.cdata")
	rt.cdataMeta = mt
	fns := map[string]lua.LGFunction{
		"__tostring": func(L *lua.LState) int {
			v, _ := cdata.Is(L.Get(1))
			if f := rt.luaMetamethod(v.T, "__tostring"); f != lua.LNil {
				L.Push(f)
				L.Push(L.Get(1))
				L.Call(1, 1)
				return 1
			}
			L.Push(lua.LString(v.String()))
			return 1
		},
		"__index": func(L *lua.LState) int {
			v, _ := cdata.Is(L.Get(1))
			p, t, ok := rt.cdataElem(L, v, L.Get(2))
			if !ok {
				L.Push(rt.cdataMethod(L, v, L.Get(2)))
				return 1
			}
			L.Push(cdata.LoadRef(rt, p, t, v))
			return 1
		},
		"__newindex": func(L *lua.LState) int {
			v, _ := cdata.Is(L.Get(1))
			p, t, ok := rt.cdataElem(L, v, L.Get(2))
			if !ok {
				if f := rt.luaMetamethod(v.T, "__newindex"); f != lua.LNil {
					L.Push(f)
					L.Push(L.Get(1))
					L.Push(L.Get(2))
					L.Push(L.Get(3))
					L.Call(3, 0)
					return 0
				}
				L.RaiseError("'%s' has no member named '%s'", v.T, L.Get(2).String())
			}
			if err := cdata.Store(rt, p, t, L.Get(3), nil); err != nil {
				L.RaiseError("%s", err.Error())
			}
			return 0
		},
		"__eq": func(L *lua.LState) int {
			L.Push(lua.LBool(rt.cdataCompare(L, "==") == 0))
			return 1
		},
		"__lt": func(L *lua.LState) int {
			L.Push(lua.LBool(rt.cdataCompare(L, "<") < 0))
			return 1
		},
		"__le": func(L *lua.LState) int {
			L.Push(lua.LBool(rt.cdataCompare(L, "<=") <= 0))
			return 1
		},
		"__call": func(L *lua.LState) int {
			v, _ := cdata.Is(L.Get(1))
			if v.T.Kind == types.Pointer && v.T.Elem.Kind == types.Func {
				return rt.callPointer(L, v)
			}
			if f := rt.luaMetamethod(v.T, "__call"); f != lua.LNil {
				L.Insert(f, 1)
				L.Call(L.GetTop()-1, lua.MultRet)
				return L.GetTop()
			}
			L.RaiseError("'%s' is not callable", v.T)
			return 0
		},
		"__len": func(L *lua.LState) int {
			v, _ := cdata.Is(L.Get(1))
			if v.T.Kind == types.Array {
				L.Push(lua.LNumber(v.T.N))
				return 1
			}
			L.RaiseError("attempt to get length of '%s'", v.T)
			return 0
		},
		"__unm": func(L *lua.LState) int {
			a, ok := cdata.IntOperand(L.Get(1))
			if !ok {
				L.RaiseError("attempt to perform arithmetic on '%s'", typeName(L.Get(1)))
			}
			r := cdata.Arith("unm", a, a)
			L.Push(cdata.Box(rt, r.T, r.Bits))
			return 1
		},
	}
	for ev, op := range map[string]string{"__add": "+", "__sub": "-", "__mul": "*", "__div": "/", "__mod": "%", "__pow": "^"} {
		op := op
		fns[ev] = func(L *lua.LState) int { return rt.cdataArith(L, op) }
	}
	L.SetFuncs(mt, fns)
}

// typeName names a value's type in errors: a cdata's Terra type, else
// the Lua type.
func typeName(lv lua.LValue) string {
	if v, ok := cdata.Is(lv); ok {
		return v.T.String()
	}
	return lv.Type().String()
}

// cdataArith implements + - * / % ^ on cdata: pointer arithmetic
// (pointer ± integer, pointer - pointer) and 64-bit integer arithmetic
// (the result is a boxed int64 or uint64, as in LuaJIT).
func (rt *Runtime) cdataArith(L *lua.LState, op string) int {
	L.Push(rt.arith(L, op, L.Get(1), L.Get(2)))
	return 1
}

func (rt *Runtime) arith(L *lua.LState, op string, x, y lua.LValue) lua.LValue {
	if pv, ok := cdata.Is(x); ok && pv.T.Kind == types.Pointer && pv.T.Elem.Kind != types.Func {
		es := pv.T.Elem.Size()
		if es <= 0 {
			es = 1
		}
		if qv, ok := cdata.Is(y); ok && qv.T.Kind == types.Pointer && op == "-" {
			if qv.T != pv.T {
				L.RaiseError("cannot subtract '%s' from '%s'", qv.T, pv.T)
			}
			return lua.LNumber((int64(pv.PointerValue()) - int64(qv.PointerValue())) / es)
		}
		if n, ok := cdata.IntOperand(y); ok && (op == "+" || op == "-") {
			d := int64(n.Bits)
			if op == "-" {
				d = -d
			}
			r := cdata.New(pv.T)
			*(*uintptr)(r.Ptr) = pv.PointerValue() + uintptr(d*es)
			return rt.Wrap(r)
		}
	}
	if pv, ok := cdata.Is(y); ok && pv.T.Kind == types.Pointer && op == "+" {
		if _, ok := cdata.Is(x); !ok {
			return rt.arith(L, op, y, x)
		}
	}
	a, ok1 := cdata.IntOperand(x)
	b, ok2 := cdata.IntOperand(y)
	if !ok1 || !ok2 {
		// A float cdata mixes with numbers as a number.
		fa, okA := rt.numberOf(x)
		fb, okB := rt.numberOf(y)
		if okA && okB {
			return lua.LNumber(luaArith(op, fa, fb))
		}
		L.RaiseError("attempt to perform arithmetic on '%s' and '%s'", typeName(x), typeName(y))
	}
	r := cdata.Arith(op, a, b)
	return cdata.Box(rt, r.T, r.Bits)
}

// luaArith is Lua's arithmetic on doubles.
func luaArith(op string, a, b float64) float64 {
	switch op {
	case "+":
		return a + b
	case "-":
		return a - b
	case "*":
		return a * b
	case "/":
		return a / b
	case "%":
		return a - math.Floor(a/b)*b
	}
	return math.Pow(a, b)
}

func (rt *Runtime) numberOf(lv lua.LValue) (float64, bool) {
	if n, ok := lv.(lua.LNumber); ok {
		return float64(n), true
	}
	if v, ok := cdata.Is(lv); ok {
		return cdata.ToNumber(v)
	}
	return 0, false
}

// cdataCompare orders two cdata (or a cdata and a number, when Lua asks):
// pointers by address, integers as 64-bit values, other numbers as
// doubles; == on other cdata is identity of the memory.
func (rt *Runtime) cdataCompare(L *lua.LState, op string) int {
	x, y := L.Get(1), L.Get(2)
	a, aok := cdata.Is(x)
	b, bok := cdata.Is(y)
	if aok && bok && a.T.Kind == types.Pointer && b.T.Kind == types.Pointer {
		return cmpUintptr(a.PointerValue(), b.PointerValue())
	}
	if ia, ok := cdata.IntOperand(x); ok && integral(x) {
		if ib, ok := cdata.IntOperand(y); ok && integral(y) {
			return cdata.Compare(ia, ib)
		}
	}
	if fa, ok := rt.numberOf(x); ok {
		if fb, ok := rt.numberOf(y); ok {
			switch {
			case fa < fb:
				return -1
			case fa > fb:
				return 1
			case fa == fb:
				return 0
			}
			return 2 // NaN: unordered
		}
	}
	if op == "==" {
		if aok && bok && a.Ptr == b.Ptr && a.T == b.T {
			return 0
		}
		return 2
	}
	L.RaiseError("attempt to compare '%s' with '%s'", typeName(x), typeName(y))
	return 0
}

// integral reports whether a number compares exactly as an int64 (a
// fraction or a value beyond int64 compares as a double instead).
func integral(lv lua.LValue) bool {
	n, ok := lv.(lua.LNumber)
	if !ok {
		return true
	}
	f := float64(n)
	return f == math.Trunc(f) && f >= -9.223372036854775808e18 && f < 9.223372036854775808e18
}

func cmpUintptr(a, b uintptr) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// cdataElem finds the memory and type of v[key]: a struct field, an
// array element, or an element or field through a pointer.
func (rt *Runtime) cdataElem(L *lua.LState, v *cdata.Value, key lua.LValue) (unsafe.Pointer, *types.Type, bool) {
	t := v.T
	base := v.Ptr
	if t.Kind == types.Pointer {
		if t.Elem.Kind == types.Func || t.Elem.Kind == types.Opaque {
			return nil, nil, false
		}
		base = v.Pointee()
		t = t.Elem
		if n, ok := cdata.IntOperand(key); ok {
			if base == nil {
				L.RaiseError("attempt to index a NULL pointer")
			}
			return unsafe.Add(base, int64(n.Bits)*t.Size()), t, true
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
	case types.Array, types.Vector:
		n, ok := cdata.IntOperand(key)
		if !ok {
			return nil, nil, false
		}
		i := int64(n.Bits)
		if i < 0 || i >= int64(t.N) {
			L.RaiseError("index %d out of range for '%s'", i, t)
		}
		return unsafe.Add(base, i*t.Elem.Size()), t.Elem, true
	}
	return nil, nil, false
}

// structOf is the struct type whose methods a cdata of type t exposes:
// t itself or the struct it points to.
func structOf(t *types.Type) *types.Type {
	if t.Kind == types.Pointer {
		t = t.Elem
	}
	if t.Kind == types.Struct && !t.IsTuple {
		return t
	}
	return nil
}

// luaMetamethod returns event from the struct's __luametatable, if any.
func (rt *Runtime) luaMetamethod(t *types.Type, event string) lua.LValue {
	st := structOf(t)
	if st == nil {
		return lua.LNil
	}
	rt.TypeValue(st)
	sl, ok := st.Lua.(*structLua)
	if !ok {
		return lua.LNil
	}
	mt, ok := sl.metamethods.RawGetString("__luametatable").(*lua.LTable)
	if !ok {
		return lua.LNil
	}
	return mt.RawGetString(event)
}

// cdataMethod answers v.key for a key that is not a field: the
// __luametatable's __index when the struct has one (Terra's hook), else
// the struct's methods (Terra's default metatable), so obj:m() works.
func (rt *Runtime) cdataMethod(L *lua.LState, v *cdata.Value, key lua.LValue) lua.LValue {
	if idx := rt.luaMetamethod(v.T, "__index"); idx != lua.LNil {
		if tb, ok := idx.(*lua.LTable); ok {
			return tb.RawGet(key)
		}
		L.Push(idx)
		L.Push(rt.Wrap(v))
		L.Push(key)
		L.Call(2, 1)
		r := L.Get(-1)
		L.Pop(1)
		return r
	}
	if st := structOf(v.T); st != nil {
		if name, ok := key.(lua.LString); ok {
			m := rt.Method(st, string(name))
			if asMacro(m) != nil {
				// A macro needs a Terra call site to expand into.
				L.RaiseError("calling a terra macro directly from Lua is not supported")
			}
			return m
		}
	}
	return lua.LNil
}

// Wrap makes the Lua value for a cdata value.
func (rt *Runtime) Wrap(v *cdata.Value) lua.LValue {
	ud := rt.L.NewUserData()
	ud.Value = v
	ud.Metatable = rt.cdataMeta
	return ud
}

// luaConstruct implements T(init) called from Lua and terralib.new: a
// new cdata of T, zeroed, then initialized from init if given.
func (rt *Runtime) luaConstruct(L *lua.LState, t *types.Type) int {
	if err := t.Complete(); err != nil {
		L.RaiseError("%s", err.Error())
	}
	if t.Kind == types.Opaque || t.Kind == types.Func {
		L.RaiseError("cannot create a value of type '%s'", t)
	}
	v := cdata.New(t)
	if L.GetTop() >= 2 && L.Get(2) != lua.LNil {
		if err := cdata.Store(rt, v.Ptr, t, L.Get(2), nil); err != nil {
			L.RaiseError("%s", err.Error())
		}
	}
	L.Push(rt.Wrap(v))
	return 1
}
