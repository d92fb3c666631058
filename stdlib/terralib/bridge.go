// This file implements the Lua⇄Terra call bridge: calling Terra
// functions and function pointers from Lua (with cached call plans),
// Lua functions as callbacks from native code, and native faults
// reported with the Terra function's name.
package terralib

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unsafe"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/compiler/types"
	"terrac/runtime/cdata"
	"terrac/runtime/engine"
	"terrac/runtime/jit"
)

// bridgeState caches what the bridge computes once per function,
// signature or Lua function.
type bridgeState struct {
	calls     map[*tree.Function]*callEntry
	pointers  map[*types.Type]*callEntry
	callbacks map[callbackKey]uintptr
	pinned    []*cdata.Value             // cdata referenced from Terra code
	cbIDs     []int64                    // callbacks registered, for Close
	varargs   map[varargShape]*callEntry // vararg.go

	calleeTrace *calleeTrace // traceback.go
}

type callEntry struct {
	plan    *cdata.Plan
	wrapper uintptr
	fnptr   uintptr // the callee, for plans through a shared wrapper
}

type callbackKey struct {
	fn *lua.LFunction
	t  *types.Type
}

func (rt *Runtime) initBridge() {
	rt.bridge = &bridgeState{
		calls:     map[*tree.Function]*callEntry{},
		pointers:  map[*types.Type]*callEntry{},
		callbacks: map[callbackKey]uintptr{},
	}
}

// callFromLua compiles fn if needed and calls it with the Lua values on
// the stack from index first on.
func (rt *Runtime) callFromLua(L *lua.LState, fn *tree.Function, first int) int {
	ce := rt.bridge.calls[fn]
	if ce == nil || !fn.Compiled {
		// The function is compiled alone and called through the wrapper
		// of its type, compiled once per type: a wrapper of its own in
		// the function's module cost every first call about a sixth more
		// optimization and code generation (bench/RESULTS.md).
		addr, err := rt.Engine.Address(fn)
		if errors.Is(err, engine.ErrVerifyOnly) {
			return rt.verifiedResult(L, fn)
		}
		if err != nil {
			rt.raiseAt(L, err)
		}
		w, err := rt.Engine.IndirectWrapper(fn.Type)
		if err != nil {
			rt.raiseAt(L, err)
		}
		var names []string
		if fn.Def != nil {
			for _, p := range fn.Def.Params {
				names = append(names, p.Name)
			}
		}
		plan, err := cdata.NewPlan(fn.Type, fn.Name, names, true)
		if err != nil {
			L.RaiseError("%s", err.Error())
		}
		ce = &callEntry{plan: plan, wrapper: w, fnptr: addr}
		rt.bridge.calls[fn] = ce
	}
	if isVarargCall(L, fn.Type, first) {
		return rt.callFunctionVararg(L, fn, first)
	}
	res, err := ce.plan.Call(rt, L, first, ce.wrapper, ce.fnptr)
	if err != nil {
		rt.callError(L, fn.Name, err)
	}
	if res == lua.LNil && fn.Type.Result.IsUnit() {
		return 0
	}
	L.Push(res)
	return 1
}

// callPointer calls the function a function-pointer cdata points to.
func (rt *Runtime) callPointer(L *lua.LState, v *cdata.Value) int {
	ft := v.T.Elem
	ce := rt.bridge.pointers[ft]
	if ce == nil {
		w, err := rt.Engine.IndirectWrapper(ft)
		if err != nil {
			rt.raise(L, err)
		}
		plan, err := cdata.NewPlan(ft, "function pointer", nil, true)
		if err != nil {
			L.RaiseError("%s", err.Error())
		}
		ce = &callEntry{plan: plan, wrapper: w}
		rt.bridge.pointers[ft] = ce
	}
	fp := v.PointerValue()
	if fp == 0 {
		L.RaiseError("attempt to call a NULL function pointer")
	}
	if isVarargCall(L, ft, 2) {
		return rt.callVararg(L, ft, fp, 2, "function pointer", nil)
	}
	res, err := ce.plan.Call(rt, L, 2, ce.wrapper, fp)
	if err != nil {
		rt.callError(L, "function pointer", err)
	}
	if ft.Result.IsUnit() {
		return 0
	}
	L.Push(res)
	return 1
}

// callError raises the Lua error for a failed call: a Lua error raised
// by a callback keeps its value; a fault names the Terra function.
func (rt *Runtime) callError(L *lua.LState, name string, err error) {
	var ae *lua.ApiError
	if errors.As(err, &ae) {
		rt.keepCalleeTrace(ae)
		L.Error(ae.Object, 0)
	}
	if msg, ok := rt.faultMessage(err); ok {
		L.Error(lua.LString(msg), 0) // located in Terra code (fault.go)
	}
	var f *jit.Fault
	if errors.As(err, &f) {
		where := name
		if n := TerraName(f.Symbol); n != "" {
			where = n
		}
		L.RaiseError("%s", strings.Replace(f.Error(), "in native code", "in terra function "+where, 1))
	}
	L.RaiseError("%s", err.Error())
}

var linkNameRE = regexp.MustCompile(`^(.+)\$[0-9]+(\$wrapper)?$`)

// TerraName maps a JIT symbol back to the Terra function's name: the
// link name f$3 and the wrapper f$3$wrapper (whose code includes the
// inlined f) both mean f. Other symbols are returned as they are.
func TerraName(sym string) string {
	if m := linkNameRE.FindStringSubmatch(sym); m != nil {
		return m[1]
	}
	return sym
}

// FunctionPointer implements cdata.Bridge: the address of a Terra
// function (compiled if needed; its type must be fnType) or of a
// callback thunk for a Lua function.
func (rt *Runtime) FunctionPointer(v lua.LValue, fnType *types.Type) (uintptr, bool, error) {
	if fn := rt.AsFunction(v); fn != nil {
		if err := rt.Engine.Check(fn); err != nil {
			return 0, true, err
		}
		if fn.Type != fnType {
			return 0, true, fmt.Errorf("cannot convert terra function %s of type '%s' to '&%s'", fn.Name, fn.Type, fnType)
		}
		addr, err := rt.Engine.Address(fn)
		return addr, true, err
	}
	lf, ok := v.(*lua.LFunction)
	if !ok {
		return 0, false, nil
	}
	addr, err := rt.Callback(lf, fnType)
	return addr, true, err
}

// Callback returns a native function of type fnType that calls lf. The
// same Lua function and type give the same pointer.
func (rt *Runtime) Callback(lf *lua.LFunction, fnType *types.Type) (uintptr, error) {
	key := callbackKey{lf, fnType}
	if a, ok := rt.bridge.callbacks[key]; ok {
		return a, nil
	}
	cb, err := cdata.NewCallback(fnType, lf, rt.invokeCallback)
	if err != nil {
		return 0, err
	}
	addr, err := rt.Engine.Thunk(fnType, cb.ID)
	if err != nil {
		cdata.RemoveCallback(cb.ID)
		return 0, err
	}
	rt.bridge.cbIDs = append(rt.bridge.cbIDs, cb.ID)
	rt.bridge.callbacks[key] = addr
	return addr, nil
}

// invokeCallback runs on the goroutine of the native call: it calls the
// Lua function (which may call into Terra again) and stores its result.
// A Lua error panics with the *lua.ApiError; runtime/jit unwinds the
// native frames and callError re-raises it in Lua.
func (rt *Runtime) invokeCallback(cb *cdata.Callback, args, ret unsafe.Pointer) {
	L := rt.L
	top := L.GetTop()
	L.Push(cb.Fn)
	n := cb.PushArgs(rt, L, args)
	if err := L.PCall(n, 1, nil); err != nil {
		L.SetTop(top)
		panic(err)
	}
	res := L.Get(-1)
	L.SetTop(top)
	if err := cb.StoreResult(rt, ret, res); err != nil {
		panic(&lua.ApiError{Type: lua.ApiErrorRun, Object: lua.LString(err.Error())})
	}
}
