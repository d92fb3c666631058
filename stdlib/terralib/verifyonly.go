// This file implements calls from Lua while the engine only verifies
// code (fuzzing): nothing runs and the result is zero.
package terralib

import (
	lua "github.com/yuin/gopher-lua"

	"terrac/compiler/tree"
	"terrac/runtime/cdata"
)

// verifiedResult pushes the zero value of fn's result, if it has one.
func (rt *Runtime) verifiedResult(L *lua.LState, fn *tree.Function) int {
	if rt.OnVerifiedCall != nil {
		rt.OnVerifiedCall(L, fn) // check mode: may stop the Lua stage here
	}
	res := fn.Type.Result
	if res.IsUnit() {
		return 0
	}
	L.Push(cdata.Load(rt, cdata.New(res).Ptr, res))
	return 1
}
