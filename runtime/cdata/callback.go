// This file implements callbacks: native code calling a Lua function
// through a thunk (lower.AddCallbackThunk) that packs its arguments into
// a buffer and calls terrac_callback(id, args, ret).
package cdata

import (
	"fmt"
	"sync"
	"unsafe"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/types"
	"terrac/runtime/jit"
)

// Callback is one Lua function made callable from native code.
type Callback struct {
	ID      int64
	Type    *types.Type // the function type (not the pointer)
	Fn      lua.LValue
	offsets []int64
	// Invoke runs the Lua function for one native call; it is set by the
	// Lua layer, which owns the Lua state.
	Invoke func(cb *Callback, args, ret unsafe.Pointer)
}

var (
	cbMu      sync.Mutex
	callbacks = map[int64]*Callback{}
	cbNext    int64
	cbOnce    sync.Once
)

// NewCallback registers a callback for fn of type fnType. Callbacks
// live until RemoveCallback (for a terrac program: as long as the
// process, since native code may keep the pointer).
func NewCallback(fnType *types.Type, fn lua.LValue, invoke func(cb *Callback, args, ret unsafe.Pointer)) (*Callback, error) {
	if fnType.Variadic {
		return nil, fmt.Errorf("cannot make a callback of variadic type %s", fnType)
	}
	l, err := types.TupleOf(fnType.Params...).Layout()
	if err != nil {
		return nil, err
	}
	if err := fnType.Result.Complete(); err != nil {
		return nil, err
	}
	cbOnce.Do(func() { jit.SetCallbackHandler(dispatch) })
	cb := &Callback{Type: fnType, Fn: fn, Invoke: invoke}
	for _, f := range l.Fields {
		cb.offsets = append(cb.offsets, f.Offset)
	}
	cbMu.Lock()
	cbNext++
	cb.ID = cbNext
	callbacks[cb.ID] = cb
	cbMu.Unlock()
	return cb, nil
}

// RemoveCallback forgets callback id: native code calling its thunk
// afterwards panics with "unknown callback". The owner removes the thunk's
// code too (engine.Close), so only a dangling pointer could call it.
func RemoveCallback(id int64) {
	cbMu.Lock()
	delete(callbacks, id)
	cbMu.Unlock()
}

// CallbackCount reports how many callbacks are registered (a leak check
// for tests).
func CallbackCount() int {
	cbMu.Lock()
	defer cbMu.Unlock()
	return len(callbacks)
}

func dispatch(id int64, args, ret unsafe.Pointer) {
	cbMu.Lock()
	cb := callbacks[id]
	cbMu.Unlock()
	if cb == nil {
		panic(fmt.Errorf("native code called unknown callback %d", id))
	}
	cb.Invoke(cb, args, ret)
}

// PushArgs converts the native arguments at args to Lua values on L's
// stack and returns how many it pushed.
func (cb *Callback) PushArgs(b Bridge, L *lua.LState, args unsafe.Pointer) int {
	for i, t := range cb.Type.Params {
		L.Push(Load(b, unsafe.Add(args, cb.offsets[i]), t))
	}
	return len(cb.Type.Params)
}

// StoreResult converts the Lua function's result to the return type at
// ret. Strings returned as rawstring are copied and never freed (native
// code may keep them).
func (cb *Callback) StoreResult(b Bridge, ret unsafe.Pointer, lv lua.LValue) error {
	res := cb.Type.Result
	if res.IsUnit() {
		return nil
	}
	if err := Store(b, ret, res, lv, nil); err != nil {
		return fmt.Errorf("callback result: %w", err)
	}
	return nil
}
