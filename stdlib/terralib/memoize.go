// This file implements terralib.memoize: a function cache keyed by the
// identity of each argument (Lua equality), used to build generic types
// such as Vector(T) exactly once per argument list.
package terralib

import (
	lua "github.com/yuin/gopher-lua"
)

// luaMemoize behaves as Terra's: a function with fixed parameters is
// keyed by exactly those (missing and extra arguments do not make a new
// entry, so Vector(T) and Vector(T, nil) agree); a vararg function by all
// its arguments. Only the first result is kept, and only a true one
// (nil or false is computed again next time).
func (rt *Runtime) luaMemoize(L *lua.LState) int {
	fn := L.CheckFunction(1)
	fixed := -1
	if fn.Proto != nil && fn.Proto.IsVarArg == 0 {
		fixed = int(fn.Proto.NumParameters)
	}
	root := L.NewTable()
	nilKey := L.NewTable()    // stands for a nil argument
	resultKey := L.NewTable() // where a node keeps its result
	L.Push(L.NewFunction(func(L *lua.LState) int {
		n := L.GetTop()
		keys := n
		if fixed >= 0 {
			keys = fixed
		}
		node := root
		for i := 1; i <= keys; i++ {
			key := L.Get(i)
			if key == lua.LNil {
				key = nilKey
			}
			next, ok := node.RawGet(key).(*lua.LTable)
			if !ok {
				next = L.NewTable()
				node.RawSet(key, next)
			}
			node = next
		}
		if v := node.RawGet(resultKey); lua.LVAsBool(v) {
			L.Push(v)
			return 1
		}
		L.Push(fn)
		for i := 1; i <= n; i++ {
			L.Push(L.Get(i))
		}
		L.Call(n, 1)
		v := L.Get(-1)
		if lua.LVAsBool(v) {
			node.RawSet(resultKey, v)
		}
		return 1
	}))
	return 1
}
