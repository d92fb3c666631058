// This file implements building array and vector types from Lua values,
// refusing the lengths and element types LLVM cannot represent.
package terralib

import (
	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/types"
)

// arrayType returns t[n]; a negative length is an error.
func (rt *Runtime) arrayType(L *lua.LState, t *types.Type, n int) *types.Type {
	if n < 0 {
		L.RaiseError("array size must be non-negative but found %d", n)
	}
	return types.ArrayOf(t, n)
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
