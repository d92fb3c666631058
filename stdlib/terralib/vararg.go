// This file implements calls of variadic functions from Lua (Terra
// functions declared with `...`, C functions such as printf, and
// pointers to them). The extra Lua arguments take the types LuaJIT's FFI
// gives vararg arguments, and the call goes through a wrapper compiled
// once per call shape (function type plus all argument types).
package terralib

import (
	"fmt"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/runtime/cdata"
)

// varargShape is the cache key of a vararg call: args is
// types.TupleOf(argument types), memoized, so equal shapes are equal.
type varargShape struct {
	fn, args *types.Type
}

// isVarargCall reports whether a call of fnType with the Lua values from
// index first on passes arguments beyond the fixed parameters.
func isVarargCall(L *lua.LState, fnType *types.Type, first int) bool {
	return fnType.Variadic && L.GetTop()-first+1 > len(fnType.Params)
}

// callVararg calls the variadic function at address fp, of type fnType,
// with the Lua values on the stack from index first on. name and params
// name the function and its fixed parameters in error messages.
func (rt *Runtime) callVararg(L *lua.LState, fnType *types.Type, fp uintptr, first int, name string, params []string) int {
	n := len(fnType.Params)
	argTypes := append([]*types.Type(nil), fnType.Params...)
	for i := first + n; i <= L.GetTop(); i++ {
		t, err := rt.varargType(L.Get(i))
		if err != nil {
			rt.callError(L, name, &cdata.ArgError{Func: name, N: i - first + 1, Err: err})
		}
		argTypes = append(argTypes, t)
	}
	key := varargShape{fnType, types.TupleOf(argTypes...)}
	if rt.bridge.varargs == nil {
		rt.bridge.varargs = map[varargShape]*callEntry{}
	}
	ce := rt.bridge.varargs[key]
	if ce == nil {
		w, err := rt.Engine.VarargWrapper(fnType, argTypes)
		if err != nil {
			rt.raise(L, err)
		}
		plan, err := cdata.NewPlan(types.FuncOf(argTypes, fnType.Result, false), name, params, true)
		if err != nil {
			L.RaiseError("%s", err.Error())
		}
		ce = &callEntry{plan: plan, wrapper: w}
		rt.bridge.varargs[key] = ce
	}
	res, err := ce.plan.Call(rt, L, first, ce.wrapper, fp)
	if err != nil {
		rt.callError(L, name, err)
	}
	if fnType.Result.IsUnit() {
		return 0
	}
	L.Push(res)
	return 1
}

// callFunctionVararg is callVararg for a Terra (or C) function object.
func (rt *Runtime) callFunctionVararg(L *lua.LState, fn *tree.Function, first int) int {
	fp, err := rt.Engine.Address(fn)
	if err != nil {
		rt.raise(L, err)
	}
	var names []string
	if fn.Def != nil {
		for _, p := range fn.Def.Params {
			names = append(names, p.Name)
		}
	}
	return rt.callVararg(L, fn.Type, fp, first, fn.Name, names)
}

// varargType is the type an extra argument of a variadic call has, by
// LuaJIT's rules for vararg C arguments: numbers are doubles, booleans
// bool, nil a NULL &opaque, strings rawstring; float cdata widen to
// double and narrow integers to int32 (C's default promotions); arrays
// pass a pointer to their first element and structs a pointer to
// themselves; other cdata keep their type. A Terra function passes a
// pointer to itself.
func (rt *Runtime) varargType(lv lua.LValue) (*types.Type, error) {
	if cv, ok := cdata.Is(lv); ok {
		t := cv.T
		switch {
		case t.Kind == types.Float:
			return types.Float64, nil
		case t.Kind == types.Int && t.Bits < 32:
			return types.Int32, nil
		case t.Kind == types.Array:
			return types.PointerTo(t.Elem), nil
		case t.Kind == types.Struct:
			return types.PointerTo(t), nil
		}
		return t, nil
	}
	switch v := lv.(type) {
	case lua.LNumber:
		return types.Float64, nil
	case lua.LBool:
		return types.Boolean, nil
	case *lua.LNilType:
		return types.PointerTo(types.OpaqueT), nil
	case lua.LString:
		return types.PointerTo(types.Int8), nil
	case *lua.LUserData:
		if fn := rt.AsFunction(v); fn != nil {
			if err := rt.Engine.Check(fn); err != nil {
				return nil, err
			}
			return types.PointerTo(fn.Type), nil
		}
	}
	return nil, fmt.Errorf("cannot convert '%s' to a vararg argument", lv.Type())
}
