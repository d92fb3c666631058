// This file implements building array and vector types from Lua values,
// refusing the lengths and element types LLVM cannot represent.
package terralib

import (
	"math"

	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/types"
)

// arrayType returns t[n]; a negative, fractional or too large length
// is an error (one whose size overflows when t's size is known already;
// otherwise completing the array reports it).
func (rt *Runtime) arrayType(L *lua.LState, t *types.Type, n float64) *types.Type {
	if n < 0 {
		L.RaiseError("array size must be non-negative but found %s", lua.LNumber(n))
	}
	if n != math.Trunc(n) {
		L.RaiseError("array size must be an integer but found %s", lua.LNumber(n))
	}
	if n > types.MaxSize || (t.IsComplete() && types.ArrayTooLarge(t, int64(n))) {
		L.RaiseError("array type %s[%s] is too large: its size exceeds %d bytes", t, lua.LNumber(n), int64(types.MaxSize))
	}
	return types.ArrayOf(t, int(n))
}

// vectorType returns vector(t, n): t must be primitive and n at least 1.
func (rt *Runtime) vectorType(L *lua.LState, t *types.Type, n int) *types.Type {
	if !t.IsPrimitive() {
		L.RaiseError("vectors must be composed of primitive types (for now...) but found type %s", t)
	}
	if n < 1 {
		L.RaiseError("vectors must have at least one element but found %d", n)
	}
	return types.VectorOf(t, n)
}
