// This file implements terralib.memoize: a function cache keyed by the
// identity of each argument (Lua equality), used to build generic types
// such as Vector(T) exactly once per argument list.
package terralib

import (
	lua "github.com/yuin/gopher-lua"
)

func (rt *Runtime) luaMemoize(L *lua.LState) int {
	fn := L.CheckFunction(1)
	root := L.NewTable()
	nilKey := L.NewTable()    // stands for a nil argument
	resultKey := L.NewTable() // where a node keeps its results
	L.Push(L.NewFunction(func(L *lua.LState) int {
		n := L.GetTop()
		node := root
		for i := 0; i <= n; i++ {
			var key lua.LValue = lua.LNumber(n) // first level: the arity
			if i > 0 {
				key = L.Get(i)
				if key == lua.LNil {
					key = nilKey
				}
			}
			next, ok := node.RawGet(key).(*lua.LTable)
			if !ok {
				next = L.NewTable()
				node.RawSet(key, next)
			}
			node = next
		}
		if res, ok := node.RawGet(resultKey).(*lua.LTable); ok {
			for i := 1; i <= res.Len(); i++ {
				L.Push(res.RawGetInt(i))
			}
			return res.Len()
		}
		args := make([]lua.LValue, n)
		for i := range args {
			args[i] = L.Get(i + 1)
		}
		base := L.GetTop()
		L.Push(fn)
		for _, a := range args {
			L.Push(a)
		}
		L.Call(n, lua.MultRet)
		res := L.NewTable()
		for i := base + 1; i <= L.GetTop(); i++ {
			res.Append(L.Get(i))
		}
		node.RawSet(resultKey, res)
		return L.GetTop() - base
	}))
	return 1
}
