// This file implements calls from Lua into native code through a
// per-function wrapper `void wrap(i8* args, i8* ret)`.
package cdata

import (
	"fmt"
	"unsafe"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/types"
	"terrac/runtime/jit"
)

// Call packs args by fnType's parameters into a buffer laid out as the
// tuple of the parameter types, calls the wrapper, and converts the
// result. A tuple result is returned as one cdata (Terra's rule).
func Call(b Bridge, wrapper uintptr, fnType *types.Type, name string, args []lua.LValue) ([]lua.LValue, error) {
	params := fnType.Params
	if len(args) != len(params) {
		if !(fnType.Variadic && len(args) >= len(params)) {
			return nil, fmt.Errorf("%s: expected %d arguments but got %d", name, len(params), len(args))
		}
		args = args[:len(params)]
	}
	layout, err := types.TupleOf(params...).Layout()
	if err != nil {
		return nil, err
	}
	argBuf := make([]uint64, (layout.Size+7)/8+1)
	var keep []unsafe.Pointer
	defer func() {
		for _, p := range keep {
			Free(p)
		}
	}()
	base := unsafe.Pointer(&argBuf[0])
	for i, f := range layout.Fields {
		if err := Store(b, unsafe.Add(base, f.Offset), f.Type, args[i], &keep); err != nil {
			return nil, fmt.Errorf("%s: argument %d: %v", name, i+1, err)
		}
	}
	res := fnType.Result
	retBuf := make([]uint64, (res.Size()+7)/8+1)
	if err := jit.Call(wrapper, base, unsafe.Pointer(&retBuf[0])); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if res.IsUnit() {
		return nil, nil
	}
	return []lua.LValue{Load(b, unsafe.Pointer(&retBuf[0]), res)}, nil
}
